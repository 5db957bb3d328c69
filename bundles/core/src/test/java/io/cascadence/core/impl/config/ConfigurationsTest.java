package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.config.ConfigSource;

class ConfigurationsTest {

    @TempDir
    Path home;

    private Path config;
    private final List<EffectiveConfig> published = new ArrayList<>();
    private Configurations configurations;

    @BeforeEach
    void start() throws IOException {
        config = Files.createDirectory(home.resolve("config"));
        configurations = new Configurations(config, home.resolve("data"),
                new YamlConfigFile(config.resolve("cascadence.yml"), false), Map.of(), new CfgOwners(),
                (before, after) -> published.add(after));
    }

    private Map<String, Object> fromFile(Path file, String key, Object value) {
        return Map.of("service.pid", CfgFolder.name(file), Configurations.FILENAME,
                file.toFile().getAbsoluteFile().toURI().toString(), key, value);
    }

    @Test
    void theConfigurationAdminHoldsBecomesThePidsCfgLayer() throws IOException {
        Path web = Files.writeString(config.resolve("io.cascadence.web.cfg"), "");

        assertThat(configurations.accept(ConfigPid.WEB, fromFile(web, "sync_wait", "7"))).isTrue();

        assertThat(configurations.current().value("sync_wait")).contains("7");
        assertThat(configurations.file(ConfigPid.WEB)).isEqualTo(web.toAbsolutePath());
        assertThat(configurations.current().report().pid("io.cascadence.web").orElseThrow().file())
                .isEqualTo(web.toAbsolutePath().toString());
        assertThat(published).isNotEmpty();
    }

    @Test
    void theSamePropertiesAgainChangeNothing() throws IOException {
        Path web = Files.writeString(config.resolve("io.cascadence.web.cfg"), "");
        configurations.accept(ConfigPid.WEB, fromFile(web, "sync_wait", "7"));
        EffectiveConfig before = configurations.current();

        configurations.accept(ConfigPid.WEB, fromFile(web, "sync_wait", "7"));

        assertThat(configurations.current()).isSameAs(before);
    }

    @Test
    void aConfigurationWithoutAFileIsNamedByItsPid() {
        configurations.accept(ConfigPid.SCHEDULER, Map.of("service.pid", "io.cascadence.scheduler",
                "timezone", "Europe/Paris"));

        var entry = configurations.current().report().entry("timezone").orElseThrow();
        assertThat(entry.source()).isEqualTo(ConfigSource.CFG);
        assertThat(entry.origin()).isEqualTo("ConfigAdmin io.cascadence.scheduler");
    }

    @Test
    void aConfigurationFromAFileOutsideConfigIsRefusedAndReported() throws IOException {
        Path plugins = Files.createDirectory(home.resolve("plugins"));
        Path stray = Files.writeString(plugins.resolve("io.cascadence.web.cfg"), "");

        assertThat(configurations.accept(ConfigPid.WEB, fromFile(stray, "sync_wait", "7"))).isFalse();

        assertThat(configurations.current().value("sync_wait")).contains("30");
        assertThat(configurations.current().problems()).singleElement().asString()
                .contains(stray.toString(), "outside", "ignored", "config/");
        Path web = Files.writeString(config.resolve("io.cascadence.web.cfg"), "");
        configurations.accept(ConfigPid.WEB, fromFile(web, "sync_wait", "8"));
        assertThat(configurations.current().problems()).isEmpty();
    }

    @Test
    void aDeletedConfigurationKeepsItsValuesWhileItsFileIsThereToBeReadAgain() throws IOException {
        Path web = Files.writeString(config.resolve("io.cascadence.web.cfg"), "");
        configurations.accept(ConfigPid.WEB, fromFile(web, "sync_wait", "7"));

        configurations.removed(ConfigPid.WEB);
        assertThat(configurations.current().value("sync_wait")).contains("7");

        Files.delete(web);
        configurations.removed(ConfigPid.WEB);
        assertThat(configurations.current().value("sync_wait")).contains("30");
        assertThat(configurations.file(ConfigPid.WEB)).isNull();
    }

    @Test
    void folderProblemsAreReportedUntilTheyAreGone() {
        configurations.folderProblems(List.of("two files"));
        assertThat(configurations.current().problems()).containsExactly("two files");

        configurations.folderProblems(List.of());
        assertThat(configurations.current().problems()).isEmpty();
    }
}
