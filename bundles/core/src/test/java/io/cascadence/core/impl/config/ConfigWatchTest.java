package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.config.ConfigSource;

/** The watch against ConfigAdmin and FileInstall as they behave: no file, two files, deletions, YAML edits. */
class ConfigWatchTest {

    @TempDir
    Path home;

    private Path config;
    private Path yamlFile;
    private final FakeConfigAdmin admin = new FakeConfigAdmin();
    private Configurations configurations;
    private ConfigWatch watch;

    @BeforeEach
    void folders() throws IOException {
        config = Files.createDirectory(home.resolve("config")).toRealPath();
        yamlFile = config.resolve("cascadence.yml");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(config.resolve(name), content);
    }

    /** FileInstall's first scan, then the core's start. */
    private void start(Map<String, String> environment) {
        try (var files = Files.list(config)) {
            files.sorted().filter(f -> CfgFolder.FILES.matcher(f.getFileName().toString()).matches())
                    .forEach(admin::fileInstallApplies);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CfgOwners owners = new CfgOwners();
        configurations = new Configurations(config, home.resolve("data"), new YamlConfigFile(yamlFile, false),
                environment, owners, (before, after) -> { });
        watch = new ConfigWatch(config, configurations, owners, admin);
        watch.start();
        admin.settle(watch);
    }

    private String value(String key) {
        return configurations.current().value(key).orElseThrow();
    }

    private ConfigSource source(String key) {
        return configurations.current().report().entry(key).orElseThrow().source();
    }

    /** What the ConfigurationPlugin hands the bundle of the PID for what ConfigAdmin holds now. */
    private Dictionary<String, Object> delivered(String pid) {
        Dictionary<String, Object> properties = new Hashtable<>(admin.read(pid));
        EffectiveProperties.process(configurations, properties);
        return properties;
    }

    @Test
    void withoutFilesEveryPidGetsAnEmptyConfigurationThatCarriesDefaultsYamlAndEnvironment() throws IOException {
        Files.writeString(yamlFile, "timezone: Asia/Tokyo\n");
        start(Map.of("CASCADENCE_SYNC_WAIT", "1"));

        assertThat(admin.stored.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ConfigPid.values()).map(ConfigPid::pid).toList());
        assertThat(delivered("io.cascadence.web").get("sync_wait")).isEqualTo(1.0);
        assertThat(delivered("io.cascadence.scheduler").get("timezone")).isEqualTo("Asia/Tokyo");
        assertThat(delivered("io.cascadence.temporal").get("temporal_server")).isEqualTo("localhost:7233");
        assertThat(admin.republished).contains("io.cascadence.web", "io.cascadence.scheduler");
    }

    @Test
    void atStartTheCfgFileIsInForceAndASecondFileForThePidIsAProblem() throws IOException {
        write("io.cascadence.web.cfg", "sync_wait = 4\n");
        write("io.cascadence.web.config", "sync_wait = 9\n");

        start(Map.of());

        assertThat(admin.fileOf("io.cascadence.web")).isEqualTo("io.cascadence.web.cfg");
        assertThat(value("sync_wait")).isEqualTo("4");
        assertThat(delivered("io.cascadence.web").get("sync_wait")).isEqualTo(4.0);
        assertThat(configurations.current().problems()).singleElement().asString()
                .contains("io.cascadence.web.config is a second file for PID io.cascadence.web beside")
                .contains("io.cascadence.web.cfg, whose values are in force");
    }

    @Test
    void aSecondFileAddedLaterNeverReachesTheBundleAndIsUndone() throws IOException {
        write("io.cascadence.web.cfg", "sync_wait = 4\n");
        start(Map.of());

        admin.fileInstallApplies(write("io.cascadence.web.config", "sync_wait = 9\n"));

        // The bundle hears of the change first: it gets the values of the file in force.
        assertThat(delivered("io.cascadence.web").get("sync_wait")).isEqualTo(4.0);
        admin.settle(watch);
        assertThat(admin.fileOf("io.cascadence.web")).isEqualTo("io.cascadence.web.cfg");
        assertThat(value("sync_wait")).isEqualTo("4");
        assertThat(configurations.current().problems()).anySatisfy(p -> assertThat(p).contains("second file"));
    }

    @Test
    void deletingTheSecondFileKeepsTheFirstInForceThoughFileInstallDeletesThePid() throws IOException {
        write("io.cascadence.web.cfg", "sync_wait = 4\n");
        Path second = write("io.cascadence.web.config", "sync_wait = 9\n");
        start(Map.of());

        Files.delete(second);
        admin.fileInstallDeletes(second);
        admin.settle(watch);

        assertThat(admin.fileOf("io.cascadence.web")).isEqualTo("io.cascadence.web.cfg");
        assertThat(value("sync_wait")).isEqualTo("4");
        assertThat(configurations.current().problems()).isEmpty();
    }

    @Test
    void deletingTheFileInForceLetsTheOtherTakeOver() throws IOException {
        Path first = write("io.cascadence.web.cfg", "sync_wait = 4\n");
        write("io.cascadence.web.config", "sync_wait = 9\n");
        start(Map.of());

        Files.delete(first);
        admin.fileInstallDeletes(first);
        admin.settle(watch);

        assertThat(admin.fileOf("io.cascadence.web")).isEqualTo("io.cascadence.web.config");
        assertThat(value("sync_wait")).isEqualTo("9");
        assertThat(configurations.current().problems()).isEmpty();
    }

    @Test
    void deletingTheOnlyFileLeavesAnEmptyConfigurationWithYamlAndEnvironment() throws IOException {
        Path web = write("io.cascadence.web.cfg", "sync_wait = 4\n");
        Files.writeString(yamlFile, "sync_wait: 2\n");
        write("io.cascadence.scheduler.cfg", "timezone = Europe/Paris\n");
        start(Map.of("CASCADENCE_TIMEZONE", "Asia/Tokyo"));
        assertThat(value("sync_wait")).isEqualTo("2");

        Files.delete(web);
        admin.fileInstallDeletes(web);
        admin.settle(watch);

        assertThat(admin.stored).containsKey("io.cascadence.web");
        assertThat(admin.fileOf("io.cascadence.web")).isNull();
        assertThat(delivered("io.cascadence.web").get("sync_wait")).isEqualTo(2.0);
        assertThat(delivered("io.cascadence.scheduler").get("timezone")).isEqualTo("Asia/Tokyo");
        assertThat(source("sync_wait")).isEqualTo(ConfigSource.YAML);
    }

    @Test
    void aYamlEditIsHandedToTheBundlesWhoseValuesChangedOnly() throws IOException {
        Files.writeString(yamlFile, "timezone: Asia/Tokyo\n");
        start(Map.of());
        admin.republished.clear();

        Files.writeString(yamlFile, "timezone: Europe/Paris\nhash_secret: s\n");
        watch.tick();

        assertThat(admin.republished).containsExactly("io.cascadence", "io.cascadence.scheduler");
        assertThat(delivered("io.cascadence.scheduler").get("timezone")).isEqualTo("Europe/Paris");
        admin.republished.clear();
        watch.tick();
        assertThat(admin.republished).isEmpty();
    }

    @Test
    void anEditOfTheFileInForceApplies() throws IOException {
        write("io.cascadence.web.cfg", "sync_wait = 4\n");
        start(Map.of());

        admin.fileInstallApplies(write("io.cascadence.web.cfg", "sync_wait = 5\n"));
        assertThat(delivered("io.cascadence.web").get("sync_wait")).isEqualTo(5.0);
        admin.settle(watch);

        assertThat(value("sync_wait")).isEqualTo("5");
        assertThat(configurations.current().problems()).isEmpty();
    }
}
