package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.TaskPath;

class TaskPathFileTest {

    private static Object load(byte[] yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
    }

    private static List<TaskPath> parse(String yaml) {
        return TaskPathFile.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> mapping(Object... keysAndValues) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entry.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return entry;
    }

    @Test
    void plainEntriesAreWrittenAsTheOriginalsListOfStrings() {
        List<TaskPath> paths = List.of(
                new TaskPath("com.example.reports:com.example.reports.Daily", null, null),
                new TaskPath("com.example.reports:com.example.reports.Weekly", null, null));

        byte[] yaml = TaskPathFile.write(paths);

        assertThat(load(yaml)).isEqualTo(List.of("com.example.reports:com.example.reports.Daily",
                "com.example.reports:com.example.reports.Weekly"));
        assertThat(new String(yaml, StandardCharsets.UTF_8)).isEqualTo("""
                - com.example.reports:com.example.reports.Daily
                - com.example.reports:com.example.reports.Weekly
                """);
    }

    @Test
    void entriesWithAnExplicitNameOrAScheduleAreMappings() {
        List<TaskPath> paths = List.of(
                new TaskPath("b:c.Plain", null, null),
                new TaskPath("b:c.Named", "my-name", null),
                new TaskPath("b:c.Scheduled", null, "*/5 * * * *"),
                new TaskPath("b:c.Both", "both-name", "0 3 * * 1"));

        Object document = load(TaskPathFile.write(paths));

        assertThat(document).isEqualTo(List.of(
                "b:c.Plain",
                mapping("path", "b:c.Named", "name", "my-name"),
                mapping("path", "b:c.Scheduled", "schedule", "*/5 * * * *"),
                mapping("path", "b:c.Both", "name", "both-name", "schedule", "0 3 * * 1")));
    }

    @Test
    void oneClassUnderSeveralNamesKeepsAnEntryForEach() {
        List<TaskPath> paths = List.of(
                new TaskPath("b:c.FanOut", null, null),
                new TaskPath("b:c.FanOut", "fan-out-a", null),
                new TaskPath("b:c.FanOut", "fan-out-b", "0 * * * *"));

        assertThat(TaskPathFile.parse(TaskPathFile.write(paths))).containsExactlyElementsOf(paths);
    }

    @Test
    void anEmptyListIsWrittenAndReadBack() {
        assertThat(TaskPathFile.parse(TaskPathFile.write(List.of()))).isEmpty();
    }

    @Test
    void parseReadsBothFormsBack() {
        List<TaskPath> parsed = parse("""
                - b:c.Plain
                - path: b:c.Named
                  name: my-name
                - path: b:c.Scheduled
                  schedule: '*/5 * * * *'
                - path: b:c.Both
                  name: both
                  schedule: 0 3 * * 1
                """);

        assertThat(parsed).containsExactly(
                new TaskPath("b:c.Plain", null, null),
                new TaskPath("b:c.Named", "my-name", null),
                new TaskPath("b:c.Scheduled", null, "*/5 * * * *"),
                new TaskPath("b:c.Both", "both", "0 3 * * 1"));
    }

    @Test
    void writeThenParseGivesTheEntriesBack() {
        List<TaskPath> paths = List.of(
                new TaskPath("b:c.Plain", null, null),
                new TaskPath("b:c.Named", "my-name", null),
                new TaskPath("b:c.Scheduled", null, "*/15 * * * *"));

        assertThat(TaskPathFile.parse(TaskPathFile.write(paths))).containsExactlyElementsOf(paths);
    }

    @Test
    void namesThatLookLikeOtherTypesSurviveARoundTrip() {
        List<TaskPath> paths = List.of(new TaskPath("b:c.A", "123", null), new TaskPath("b:c.B", "true", null));

        assertThat(TaskPathFile.parse(TaskPathFile.write(paths))).containsExactlyElementsOf(paths);
    }

    @Test
    void parseOfAnEmptyFileIsEmpty() {
        assertThat(TaskPathFile.parse(new byte[0])).isEmpty();
    }

    @Test
    void aMappingAtTopLevelIsRefusedAskingForAList() {
        assertThatThrownBy(() -> parse("path: b:c.D\nname: x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("list")
                .hasMessageContaining("bundle:Class");
    }

    @Test
    void anEntryWithoutAPathIsRefusedShowingTheEntry() {
        assertThatThrownBy(() -> parse("- b:c.Good\n- name: orphan\n  schedule: 0 * * * *\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orphan")
                .hasMessageContaining("path");
    }

    @Test
    void anEntryThatIsNeitherTextNorAMappingIsRefused() {
        assertThatThrownBy(() -> parse("- b:c.Good\n- [a, b]\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
    }
}
