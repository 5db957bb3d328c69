package io.cascadence.itests;

import static io.cascadence.itests.ConfigReports.entry;
import static io.cascadence.itests.ConfigReports.healthWarnings;
import static io.cascadence.itests.ConfigReports.problems;
import static io.cascadence.itests.ConfigReports.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The files of config/ as FileInstall reads them: UTF-8, one file per PID, files that go away. */
class ConfigFilesIT {

    private ContainerProcess container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void cfgFilesAreReadAsUtf8AllTheWayToTheHashOfAUserId() throws IOException {
        Installation installation = Installation.copy("config-utf8");
        container = installation.start();

        Installation.writeAtomically(installation.config().resolve("io.cascadence.cfg"), "hash_secret = Grüße€\n");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.transport.cfg"),
                "ume_nats_subject = ereignisse.grüße€\n");
        Await.until("the subject in GET /config",
                () -> "ereignisse.grüße€".equals(value(container, "ume_nats_subject")));
        Await.until("the secret from the cfg file", () -> "cfg".equals(entry(container, "hash_secret")
                .path("source").asText()));

        Http.Response run = container.http.post("/tasks/example/run", Map.of("X-User-ID", "alice"));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        String runId = run.json().path("run_id").asText();
        String userHash = container.http.get("/runs/" + runId).json().path("user_hash").asText();
        assertThat(userHash).isEqualTo(sha256("Grüße€" + "alice"));

        // A file saved in another encoding is reported, and its value is not used.
        Files.write(installation.config().resolve("io.cascadence.transport.cfg"),
                "ume_nats_subject = gr\u00fc\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1));
        Await.until("a problem about UTF-8", () -> problems(container).contains("save the file as UTF-8"));
        assertThat(value(container, "ume_nats_subject")).isEqualTo("ereignisse.grüße€");
    }

    @Test
    void aSecondFileForAPidIsReportedAndNeverReplacesTheFileInForce() throws IOException {
        Installation installation = Installation.copy("config-second");
        Path cfg = installation.config().resolve("io.cascadence.web.cfg");
        Files.writeString(cfg, "sync_wait = 4\n");
        container = installation.start();

        Path second = installation.config().resolve("io.cascadence.web.config");
        Installation.writeAtomically(second, "sync_wait = 1\n");
        Await.until("a problem naming both files", () -> problems(container).contains(second.getFileName() + " is a "
                + "second file for PID io.cascadence.web beside") && problems(container).contains(cfg.toString()));
        assertThat(healthWarnings(container)).contains("second file for PID io.cascadence.web");
        // FileInstall applies the second file over the first once it has stopped changing; the core puts it back.
        String readAgain = "is read again from " + cfg;
        Await.until("the file in force read again", () -> occurrences(container.log(), readAgain) == 1);
        for (int i = 0; i < 10; i++) {
            assertThat(value(container, "sync_wait")).isEqualTo("4");
            assertThat(entry(container, "sync_wait").path("origin").asText()).isEqualTo(cfg.toString());
        }
        assertThat(container.log()).contains("waits up to 4 s").doesNotContain("waits up to 1 s");

        // FileInstall deletes the PID's configuration when either file goes; the file in force is read again.
        Files.delete(second);
        Await.until("the problem gone", () -> !problems(container).contains("second file"));
        Await.until("the file in force read again", () -> occurrences(container.log(), readAgain) == 2);
        assertThat(value(container, "sync_wait")).isEqualTo("4");
        assertThat(ConfigReports.pid(container, "io.cascadence.web").path("file").asText()).isEqualTo(cfg.toString());
        assertThat(container.log()).doesNotContain("waits up to 1 s");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void atStartTheCfgFileWinsOverAConfigFileForTheSamePid() throws IOException {
        Installation installation = Installation.copy("config-second-start");
        Path cfg = installation.config().resolve("io.cascadence.web.cfg");
        Files.writeString(cfg, "sync_wait = 4\n");
        Files.writeString(installation.config().resolve("io.cascadence.web.config"), "sync_wait = 1\n");

        container = installation.start();

        assertThat(value(container, "sync_wait")).isEqualTo("4");
        assertThat(problems(container)).contains("io.cascadence.web.config is a second file");
        assertThat(container.log()).contains("waits up to 4 s").doesNotContain("waits up to 1 s");
    }

    @Test
    void withoutItsCfgFileAPidStillGetsDefaultsYamlAndEnvironment() throws IOException {
        Installation installation = Installation.copy("config-no-file");
        Files.delete(installation.config().resolve("io.cascadence.scheduler.cfg"));
        Files.writeString(installation.config().resolve("cascadence.yml"), "timezone: Asia/Tokyo\n");
        container = installation.start();
        assertThat(container.log()).contains("Cron scheduler: time zone Asia/Tokyo");

        Files.delete(installation.config().resolve("io.cascadence.web.cfg"));
        Installation.writeAtomically(installation.config().resolve("cascadence.yml"), "sync_wait: 2\n");

        Await.until("sync_wait from the YAML file reaching the web bundle",
                () -> container.log().contains("waits up to 2 s"));
        Await.until("the time zone back to its default", () -> container.log().contains("time zone UTC from now on"));
        // FileInstall notices the deleted file on its own poll, which may come after the YAML file's.
        Await.until("the deleted io.cascadence.web.cfg no longer named",
                () -> ConfigReports.pid(container, "io.cascadence.web").path("file").isNull());
        assertThat(entry(container, "sync_wait").path("source").asText()).isEqualTo("yaml");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
