package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The effective configuration: its sources, live edits of config/io.cascadence.cfg and the YAML file. */
class ConfigIT {

    private ContainerProcess container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void defaultsComeFromTheShippedCfgFileAndTheSecretIsMasked() {
        Installation installation = Installation.copy("config-defaults");
        container = installation.start();

        JsonNode backend = entry(container, "backend");
        assertThat(backend.path("value").asText()).isEqualTo("cron");
        assertThat(backend.path("source").asText()).isEqualTo("cfg");
        assertThat(backend.path("origin").asText()).endsWith("config/io.cascadence.cfg");
        assertThat(entry(container, "temporal_server").path("source").asText()).isEqualTo("default");

        Installation.CommandResult config = installation.task("config");
        assertThat(config.exitCode()).as(config.stderr()).isZero();
        assertThat(config.stdout().lines()).anyMatch(l -> l.startsWith("backend\tcron\tcfg ("));
    }

    @Test
    void editingTheCfgFileChangesTheValuesWithoutARestartAndABadValueKeepsThePreviousOne() {
        Installation installation = Installation.copy("config-edit");
        container = installation.start();
        Path cfg = installation.config().resolve("io.cascadence.cfg");

        Installation.writeAtomically(cfg, "timezone = Europe/Paris\nhash_secret = s3cret-value\n");
        Await.until("timezone Europe/Paris from the cfg file",
                () -> "Europe/Paris".equals(entry(container, "timezone").path("value").asText()));
        Http.Response report = container.http.get("/config");
        assertThat(report.body()).doesNotContain("s3cret-value");
        assertThat(entry(container, "hash_secret").path("value").asText()).isEqualTo("********");
        // Keys the edit removed fall back to their defaults.
        assertThat(entry(container, "backend").path("source").asText()).isEqualTo("default");

        Installation.writeAtomically(cfg, "timezone = Mars/Olympus_Mons\nhash_secret = s3cret-value\n");
        Await.until("a problem naming the bad time zone", () -> problems(container).contains("Mars/Olympus_Mons"));
        assertThat(problems(container)).contains("timezone").contains("IANA time zone");
        assertThat(entry(container, "timezone").path("value").asText()).isEqualTo("Europe/Paris");
        assertThat(container.http.get("/health").status()).isEqualTo(200);
        assertThat(installation.task("config").stdout()).contains("problem\ttimezone: 'Mars/Olympus_Mons'");
    }

    @Test
    void environmentVariablesAndTheYamlFileOverrideTheCfgFile() throws IOException {
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
        assertThat(entry(container, "hash_secret").path("value").asText()).isEqualTo("********");
        assertThat(container.http.get("/config").body()).doesNotContain("from-yaml");

        // The YAML file is live too; a malformed edit is reported and changes nothing.
        Installation.writeAtomically(yaml, "backend: dag\ntimezone: America/New_York\n");
        Await.until("timezone America/New_York from YAML",
                () -> "America/New_York".equals(entry(container, "timezone").path("value").asText()));
        Installation.writeAtomically(yaml, "timezone: [unclosed\n");
        Await.until("a problem naming the malformed YAML file", () -> problems(container).contains(yaml.toString()));
        assertThat(entry(container, "timezone").path("value").asText()).isEqualTo("America/New_York");
    }

    private static JsonNode entry(ContainerProcess container, String key) {
        Http.Response response = container.http.get("/config");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode entry : response.json().path("entries")) {
            if (key.equals(entry.path("key").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + key + " in " + response.body());
    }

    private static String problems(ContainerProcess container) {
        return container.http.get("/config").json().path("problems").toString();
    }
}
