package io.cascadence.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.CascadenceException;

class GogoArgumentsTest {

    private static final Map<String, String> NAMES = Map.of("-b", "base-url", "--base-url", "base-url");

    private static GogoArguments parse(Object... args) {
        return GogoArguments.parse("task:export-n8n", args, NAMES, List.of("FILE"));
    }

    @Test
    void theCommandNameIsSkippedAndOptionsTakeEitherForm() {
        assertThat(parse("export-n8n", "-b", "http://h:1", "flow.json"))
                .isEqualTo(new GogoArguments(Map.of("base-url", "http://h:1"), List.of("flow.json")));
        assertThat(parse("exportN8n", "flow.json", "--base-url=http://h:2").option("base-url")).isEqualTo("http://h:2");
        assertThat(parse("export-n8n", "flow.json").option("base-url")).isEmpty();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("export-n8n")).isInstanceOf(CascadenceException.class)
                .hasMessage("task:export-n8n: missing FILE");
        assertThatThrownBy(() -> parse("export-n8n", "a", "b")).hasMessageContaining("unexpected extra argument 'b'");
        assertThatThrownBy(() -> parse("export-n8n", "--bogus", "a")).hasMessageContaining("no such option --bogus");
        assertThatThrownBy(() -> parse("export-n8n", "a", "-b")).hasMessage("task:export-n8n: option -b needs a value");
    }
}
