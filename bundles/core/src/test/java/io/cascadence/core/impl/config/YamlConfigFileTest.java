package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.config.ConfigSource;

class YamlConfigFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Map<String, Object> values(YamlConfigFile yaml) {
        return Map.<String, Object>copyOf(yaml.layer().values());
    }

    @Test
    void readsATopLevelMapping() throws IOException {
        Path file = write("cascadence.yml", "backend: dag\ncronyx_timeout: 2.5\nbroadcast_pointers: true\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);

        assertThat(yaml.refresh()).isTrue();

        ConfigLayer layer = yaml.layer();
        assertThat(layer.source()).isEqualTo(ConfigSource.YAML);
        assertThat(layer.origin()).isEqualTo(file.toString());
        assertThat(values(yaml)).containsExactlyInAnyOrderEntriesOf(
                Map.of("backend", "dag", "cronyx_timeout", 2.5, "broadcast_pointers", true));
        assertThat(yaml.problems()).isEmpty();
        assertThat(yaml.inUse()).isEqualTo(file.toString());
    }

    @Test
    void malformedEditIsReportedWithFileAndLineAndKeepsThePreviousValues() throws IOException {
        Path file = write("cascadence.yml", "backend: dag\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);
        yaml.refresh();

        write("cascadence.yml", "backend: base\ntimezone: [UTC\nhash_secret: x\n");

        assertThat(yaml.refresh()).isTrue();
        assertThat(yaml.problems()).singleElement().asString()
                .startsWith(file + ": cannot be read")
                .containsPattern("at line \\d+, column \\d+")
                .contains("keeping its previous values");
        assertThat(values(yaml)).containsExactlyEntriesOf(Map.of("backend", "dag"));
    }

    @Test
    void problemNamesTheLineOfTheSyntaxError() throws IOException {
        Path file = write("cascadence.yml", "backend: dag\ntimezone: UTC\n  hash_secret: : x\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);

        yaml.refresh();

        assertThat(yaml.problems()).singleElement().asString().contains(file.toString(), "line 3");
    }

    @Test
    void topLevelThatIsNotAMappingIsAProblem() throws IOException {
        Path file = write("cascadence.yml", "- backend\n- dag\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);

        yaml.refresh();

        assertThat(yaml.problems()).singleElement().asString()
                .contains(file.toString(), "expected a mapping of keys to values at the top level");
        assertThat(values(yaml)).isEmpty();
    }

    @Test
    void emptyFileHasNoValuesAndNoProblem() throws IOException {
        Path file = write("cascadence.yml", "# nothing yet\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);

        yaml.refresh();

        assertThat(values(yaml)).isEmpty();
        assertThat(yaml.problems()).isEmpty();
        assertThat(yaml.inUse()).isEqualTo(file.toString());
    }

    @Test
    void missingExplicitFileIsAProblemFromTheStart() {
        Path file = dir.resolve("missing.yml");
        YamlConfigFile yaml = new YamlConfigFile(file, true);

        yaml.refresh();

        assertThat(yaml.problems()).singleElement().asString().contains("CASCADENCE_CONFIG", file.toString());
        assertThat(yaml.inUse()).isEqualTo(file.toString());
    }

    @Test
    void explicitFileThatDisappearsIsAProblemMentioningCascadenceConfig() throws IOException {
        Path file = write("mine.yml", "backend: dag\n");
        YamlConfigFile yaml = new YamlConfigFile(file, true);
        yaml.refresh();

        Files.delete(file);

        assertThat(yaml.refresh()).isTrue();
        assertThat(yaml.problems()).singleElement().asString().contains("CASCADENCE_CONFIG", file.toString());
        assertThat(values(yaml)).isEmpty();
        assertThat(yaml.inUse()).isEqualTo(file.toString());
    }

    @Test
    void missingImplicitFileIsNoProblemAndNotInUse() {
        YamlConfigFile yaml = new YamlConfigFile(dir.resolve("cascadence.yml"), false);

        yaml.refresh();

        assertThat(yaml.problems()).isEmpty();
        assertThat(yaml.inUse()).isNull();
        assertThat(values(yaml)).isEmpty();
    }

    @Test
    void refreshReportsWhetherTheFileChanged() throws IOException {
        Path file = write("cascadence.yml", "backend: dag\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);
        assertThat(yaml.refresh()).isTrue();

        assertThat(yaml.refresh()).isFalse();

        write("cascadence.yml", "backend: temporal\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(yaml.refresh()).isTrue();
        assertThat(values(yaml)).containsEntry("backend", "temporal");
        assertThat(yaml.refresh()).isFalse();
    }

    @Test
    void fixingAMalformedFileClearsTheProblem() throws IOException {
        Path file = write("cascadence.yml", "backend: [dag\n");
        YamlConfigFile yaml = new YamlConfigFile(file, false);
        yaml.refresh();
        assertThat(yaml.problems()).hasSize(1);

        write("cascadence.yml", "backend: cronyx\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(yaml.refresh()).isTrue();
        assertThat(yaml.problems()).isEmpty();
        assertThat(values(yaml)).containsEntry("backend", "cronyx");
    }
}
