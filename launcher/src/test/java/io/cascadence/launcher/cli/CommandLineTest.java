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
    void everyCommandTakesATokenWhichTheEnvironmentOtherwiseGives() {
        CommandLine line = parse("list", "--token", "from-option-0123456789");

        assertThat(line.options()).containsEntry("token", "from-option-0123456789");
        assertThat(TaskCli.token(line, Map.of("CASCADENCE_API_TOKEN", "from-env-0123456789")))
                .isEqualTo("from-option-0123456789");
        assertThat(TaskCli.token(parse("list"), Map.of("CASCADENCE_API_TOKEN", " from-env-0123456789 ")))
                .isEqualTo("from-env-0123456789");
        assertThat(TaskCli.token(parse("list"), Map.of("CASCADENCE_API_TOKEN", ""))).isNull();
        assertUsageError("Option '--token' requires an argument.", "list", "--token");
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
    void exportN8nTakesAFileAndABaseUrlAndAiIdeaOneText() {
        CommandLine export = parse("export-n8n", "flow.json", "--base-url", "http://n8n-sees-me:8000");
        assertThat(export.arguments()).containsExactly("flow.json");
        assertThat(export.options()).containsExactlyEntriesOf(Map.of("base-url", "http://n8n-sees-me:8000"));
        assertThat(parse("ai-idea", "bake bread", "--user-id", "u").arguments()).containsExactly("bake bread");

        assertUsageError("Missing argument 'FILE'.", "export-n8n");
        assertUsageError("Got unexpected extra argument (bread); quote the text: task ai-idea 'bake bread on "
                + "Sundays'", "ai-idea", "bake", "bread");
        assertUsageError("No such option: --base-url", "ai-idea", "x", "--base-url", "http://h");
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
        assertUsageError("No such option: --limit", "list", "--limit", "5");
        assertUsageError("No such option: --input", "pause", "hello", "--input", "{}");
    }

    @Test
    void everyCommandTakesTheIdentityOptions() {
        String[][] commands = {{"list"}, {"run", "t"}, {"runs", "t"}, {"pause", "t"}, {"resume", "t"},
            {"disable", "t"}, {"enable", "t"}, {"cancel", "r"}, {"config"}};
        for (String[] command : commands) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--user-id", "u", "--group-id=g")).toArray(String[]::new);

            assertThat(parse(args).options()).as(command[0])
                    .containsExactlyInAnyOrderEntriesOf(Map.of("user-id", "u", "group-id", "g"));
        }
    }

    @Test
    void jobIdIsTheOriginalsNameForRunId() {
        assertThat(parse("pause", "t", "--job-id", "r1").options()).containsExactlyEntriesOf(Map.of("run-id", "r1"));
        assertThat(parse("resume", "t", "--run-id=r2").options()).containsExactlyEntriesOf(Map.of("run-id", "r2"));
    }

    @Test
    void cancelTakesARunId() {
        CommandLine line = parse("cancel", "0b7c");

        assertThat(line.arguments()).containsExactly("0b7c");
        assertUsageError("Missing argument 'RUN_ID'.", "cancel");
    }

    @Test
    void inputIsKeptAsTheJsonTextGiven() {
        assertThat(parse("run", "t", "--input", "{\"city\": \"Lund\", \"n\": 1.50}").options())
                .containsEntry("input", "{\"city\": \"Lund\", \"n\": 1.50}");
        assertThat(parse("run", "t", "--input=[1,2]").options()).containsEntry("input", "[1,2]");
    }

    @Test
    void invalidInputIsAUsageErrorNamingTheProblem() {
        assertThatThrownBy(() -> parse("run", "t", "--input", "{city: Lund}"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("Invalid value for '--input': not valid JSON: ")
                .hasMessageContaining("line 1, column 2");
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
