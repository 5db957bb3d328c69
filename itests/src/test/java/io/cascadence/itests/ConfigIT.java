package io.cascadence.itests;

import static io.cascadence.itests.ConfigReports.entry;
import static io.cascadence.itests.ConfigReports.healthWarnings;
import static io.cascadence.itests.ConfigReports.pids;
import static io.cascadence.itests.ConfigReports.problems;
import static io.cascadence.itests.ConfigReports.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The effective configuration of every PID: its sources, live edits of the cfg files and the YAML file, and that
 * each bundle receives its own PID's effective values.
 */
class ConfigIT {

    private static final Path RUNS = Path.of(System.getProperty("runs.jar"));

    private ContainerProcess container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void everyPidIsListedWithItsDefaultsFromTheShippedCfgFilesAndTheSecretIsMasked() {
        Installation installation = Installation.copy("config-defaults");
        container = installation.start();

        assertThat(pids(container)).containsExactly("io.cascadence", "io.cascadence.web", "io.cascadence.scheduler",
                "io.cascadence.metrics", "io.cascadence.temporal", "io.cascadence.cronyx", "io.cascadence.transport");
        JsonNode backend = entry(container, "backend");
        assertThat(backend.path("value").asText()).isEqualTo("cron");
        assertThat(backend.path("source").asText()).isEqualTo("cfg");
        assertThat(backend.path("origin").asText()).endsWith("config/io.cascadence.cfg");
        assertThat(backend.path("applies").asText()).isEqualTo("live");
        assertThat(entry(container, "stages_path").path("applies").asText()).isEqualTo("at start");
        assertThat(entry(container, "sync_wait").path("origin").asText()).endsWith("config/io.cascadence.web.cfg");
        assertThat(ConfigReports.pid(container, "io.cascadence.scheduler").path("file").asText())
                .endsWith("config/io.cascadence.scheduler.cfg");
        JsonNode cronyx = ConfigReports.pid(container, "io.cascadence.cronyx");
        assertThat(cronyx.path("file").isNull()).isTrue();
        assertThat(entry(container, "temporal_server").path("source").asText()).isEqualTo("default");
        assertThat(problems(container)).isEqualTo("[]");

        Installation.CommandResult config = installation.task("config");
        assertThat(config.exitCode()).as(config.stderr()).isZero();
        assertThat(config.stdout().lines()).anyMatch(l -> l.startsWith("io.cascadence\tbackend\tcron\tcfg ("))
                .anyMatch(l -> l.startsWith("io.cascadence.web\tsync_wait\t30\tcfg (") && l.endsWith("\tlive"))
                .anyMatch(l -> l.equals("io.cascadence.temporal\ttemporal_server\tlocalhost:7233\tdefault\tlive"));
    }

    @Test
    void editingACfgFileChangesTheValuesWithoutARestartAndABadValueKeepsThePreviousOneAndWarns() {
        Installation installation = Installation.copy("config-edit");
        container = installation.start();
        Path cfg = installation.config().resolve("io.cascadence.cfg");
        Path scheduler = installation.config().resolve("io.cascadence.scheduler.cfg");

        Installation.writeAtomically(cfg, "hash_secret = s3cret-value\n");
        Installation.writeAtomically(scheduler, "timezone = Europe/Paris\n");
        Await.until("timezone Europe/Paris from the cfg file",
                () -> "Europe/Paris".equals(value(container, "timezone")));
        Await.until("the cron scheduler told of it", () -> container.log().contains("time zone Europe/Paris"));
        assertThat(container.http.get("/config").body()).doesNotContain("s3cret-value");
        assertThat(value(container, "hash_secret")).isEqualTo("********");
        // Keys the edit removed fall back to their defaults.
        assertThat(entry(container, "backend").path("source").asText()).isEqualTo("default");

        Installation.writeAtomically(scheduler, "timezone = Mars/Olympus_Mons\n");
        Await.until("a problem naming the bad time zone", () -> problems(container).contains("Mars/Olympus_Mons"));
        assertThat(problems(container)).contains("timezone").contains("IANA time zone");
        assertThat(value(container, "timezone")).isEqualTo("Europe/Paris");
        assertThat(container.http.get("/health").status()).isEqualTo(200);
        assertThat(healthWarnings(container)).contains("configuration: timezone: 'Mars/Olympus_Mons'");
        assertThat(container.log()).doesNotContain("time zone Mars").doesNotContain("time zone UTC from now on");
        assertThat(installation.task("config").stdout()).contains("problem\ttimezone: 'Mars/Olympus_Mons'");

        Installation.writeAtomically(scheduler, "timezone = Asia/Tokyo\n");
        Await.until("the warning gone once the value is fixed", () -> !healthWarnings(container).contains("Mars"));
    }

    @Test
    void environmentVariablesAndTheYamlFileOverrideTheCfgFilesAndReachTheBundles() throws IOException {
        Installation installation = Installation.copy("config-override");
        Path yaml = installation.home.resolve("cascadence-test.yml");
        Files.writeString(yaml, "backend: dag\ntimezone: Asia/Tokyo\nhash_secret: from-yaml\n");
        installation.environment.put("CASCADENCE_CONFIG", yaml.toString());
        installation.environment.put("CASCADENCE_SCHEDULER", "base");
        container = installation.start();

        JsonNode backend = entry(container, "backend");
        assertThat(backend.path("value").asText()).isEqualTo("base");
        assertThat(backend.path("source").asText()).isEqualTo("env");
        assertThat(backend.path("origin").asText()).isEqualTo("CASCADENCE_SCHEDULER");
        JsonNode timezone = entry(container, "timezone");
        assertThat(timezone.path("value").asText()).isEqualTo("Asia/Tokyo");
        assertThat(timezone.path("source").asText()).isEqualTo("yaml");
        assertThat(timezone.path("origin").asText()).isEqualTo(yaml.toString());
        assertThat(container.log()).contains("Cron scheduler: time zone Asia/Tokyo");
        assertThat(value(container, "hash_secret")).isEqualTo("********");
        assertThat(container.http.get("/config").body()).doesNotContain("from-yaml");

        // The YAML file is live too, down to the bundles; a malformed edit is reported and changes nothing.
        Installation.writeAtomically(yaml, "backend: dag\ntimezone: America/New_York\n");
        Await.until("the cron scheduler in America/New_York",
                () -> container.log().contains("Cron scheduler: time zone America/New_York from now on"));
        assertThat(value(container, "timezone")).isEqualTo("America/New_York");
        Installation.writeAtomically(yaml, "timezone: [unclosed\n");
        Await.until("a problem naming the malformed YAML file", () -> problems(container).contains(yaml.toString()));
        assertThat(value(container, "timezone")).isEqualTo("America/New_York");
    }

    @Test
    void anEnvironmentVariableReachesTheWebBundleSoASlowRunIsAnswered202AfterItsSyncWait() {
        Installation installation = Installation.copy("config-env-web");
        Installation.dropInto(RUNS, installation.plugins().resolve("runs.jar"));
        installation.environment.put("CASCADENCE_SYNC_WAIT", "1");
        container = installation.start();

        long started = System.nanoTime();
        Http.Response response = container.http.postJson("/tasks/sleep/run", "{\"seconds\": 20}");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(took).isLessThan(Duration.ofSeconds(15)); // the default sync_wait is 30 s
        assertThat(entry(container, "sync_wait").path("origin").asText()).isEqualTo("CASCADENCE_SYNC_WAIT");
    }

    @Test
    void anEditOfTheWebCfgFileAppliesToTheNextRunRequest() {
        Installation installation = Installation.copy("config-edit-web");
        Installation.dropInto(RUNS, installation.plugins().resolve("runs.jar"));
        container = installation.start();
        assertThat(container.http.postJson("/tasks/sleep/run", "{\"seconds\": 0.5}").status()).isEqualTo(200);

        Installation.writeAtomically(installation.config().resolve("io.cascadence.web.cfg"), "sync_wait = 1\n");
        Await.until("the web bundle told of sync_wait 1", () -> container.log().contains("waits up to 1 s"));

        Http.Response response = container.http.postJson("/tasks/sleep/run", "{\"seconds\": 20}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(entry(container, "sync_wait").path("source").asText()).isEqualTo("cfg");
    }
}
