package io.cascadence.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine parse(String... args) {
        return CommandLine.parse(args);
    }

    private static void assertUsageError(String message, String... args) {
        assertThatThrownBy(() -> CommandLine.parse(args))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage(message);
    }

    @Test
    void list() {
        CommandLine line = parse("list");

        assertThat(line.command()).isEqualTo("list");
        assertThat(line.arguments()).isEmpty();
        assertThat(line.options()).isEmpty();
    }

    @Test
    void runWithNameAndOptions() {
        CommandLine line = parse("run", "hello", "--user-id", "u", "--group-id", "g");

        assertThat(line.command()).isEqualTo("run");
        assertThat(line.arguments()).containsExactly("hello");
        assertThat(line.options()).containsExactlyInAnyOrderEntriesOf(Map.of("user-id", "u", "group-id", "g"));
    }

    @Test
    void optionWithEqualsSignAndBeforeTheName() {
        CommandLine line = parse("run", "--user-id=u", "hello");

        assertThat(line.arguments()).containsExactly("hello");
        assertThat(line.options()).containsExactlyEntriesOf(Map.of("user-id", "u"));
    }

    @Test
    void valueMayContainAnEqualsSign() {
        assertThat(parse("run", "hello", "--group-id=a=b").options()).containsEntry("group-id", "a=b");
    }

    @Test
    void noArguments() {
        assertUsageError("Missing command.");
    }

    @Test
    void unknownCommandIsNamed() {
        assertUsageError("No such command 'frobnicate'.", "frobnicate");
    }

    @Test
    void unknownOptionIsNamed() {
        assertUsageError("No such option: --colour", "run", "hello", "--colour", "red");
    }

    @Test
    void optionOfAnotherCommandIsUnknown() {
        assertUsageError("No such option: --user-id", "list", "--user-id", "u");
    }

    @Test
    void optionWithoutValue() {
        assertUsageError("Option '--user-id' requires an argument.", "run", "hello", "--user-id");
    }

    @Test
    void runWithoutName() {
        assertUsageError("Missing argument 'NAME'.", "run", "--user-id", "u");
    }

    @Test
    void extraArgumentIsNamed() {
        assertUsageError("Got unexpected extra argument (second)", "run", "first", "second");
        assertUsageError("Got unexpected extra argument (tasks)", "list", "tasks");
    }
}
