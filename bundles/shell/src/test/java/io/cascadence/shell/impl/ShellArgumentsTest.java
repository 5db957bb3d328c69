package io.cascadence.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.InvalidRequestException;

class ShellArgumentsTest {

    private static final Map<String, String> OPTIONS = Map.of("user-id", "u", "group-id", "g");

    @Test
    void optionsGoAnywhereInLongOrShortForm() {
        ShellArguments parsed = ShellArguments.parse("pointer-add", List.of("family", "-g", "home", "ada",
                "--user-id", "bob", "run42"), OPTIONS, List.of("NAME", "USER_ID", "RUN_ID"));

        assertThat(parsed.positional()).containsExactly("family", "ada", "run42");
        assertThat(parsed.option("group-id")).isEqualTo("home");
        assertThat(parsed.option("user-id")).isEqualTo("bob");
    }

    @Test
    void aMissingArgumentIsNamedWithTheUsage() {
        assertThatThrownBy(() -> ShellArguments.parse("pointer-add", List.of("family", "ada"), Map.of("group-id", "g"),
                List.of("NAME", "USER_ID", "RUN_ID")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("pointer-add: missing argument RUN_ID; usage: task:pointer-add [-g GROUP_ID] NAME "
                        + "USER_ID RUN_ID");
    }

    @Test
    void anUnknownOptionOrAnOptionWithoutValueIsRefused() {
        assertThatThrownBy(() -> ShellArguments.parse("pointer-list", List.of("--limit", "3", "family"), OPTIONS,
                List.of("NAME"))).hasMessage("pointer-list: no such option: --limit");
        assertThatThrownBy(() -> ShellArguments.parse("pointer-list", List.of("family", "-u"), OPTIONS,
                List.of("NAME"))).hasMessageStartingWith("pointer-list: option -u needs a value");
        assertThatThrownBy(() -> ShellArguments.parse("watch-plugins", List.of("a", "b"), Map.of(),
                List.of("DIR"))).hasMessage("watch-plugins: unexpected argument 'b'; usage: task:watch-plugins DIR");
    }
}
