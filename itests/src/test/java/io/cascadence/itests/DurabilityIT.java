package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a user was told is what a restart finds: a state change that cannot be written is refused and undone, and
 * every store file that cannot be read or written is on {@code /health}.
 */
class DurabilityIT {

    private static final List<String> STORES = List.of("tasks.yml", "task-states.yml", "pointers.yml", "stages.yml");

    @Test
    void aStateChangeThatCannotBeWrittenIsRefusedAndTheRestartFindsWhatWasAnswered() throws IOException {
        Installation installation = Installation.copy("states-unwritable");
        Path states = installation.home.resolve("data/task-states.yml");
        Path saved = installation.home.resolve("data/task-states.yml.saved");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(http.post("/tasks/example/pause").status()).isEqualTo(200);
            // A folder where the file belongs stops every write, whoever runs the container (root included).
            Files.move(states, saved);
            Files.createDirectories(states.resolve("in-the-way"));

            Http.Response resume = http.post("/tasks/example/resume");
            assertThat(resume.status()).as(resume.body()).isEqualTo(503);
            assertThat(resume.json().path("detail").asText()).startsWith(states + " cannot be written: ")
                    .endsWith("; nothing was changed");
            Http.Response disable = http.post("/tasks/example/disable");
            assertThat(disable.status()).as(disable.body()).isEqualTo(503);
            Installation.CommandResult cli = installation.task("resume", "example");
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.stderr()).contains("error: " + states + " cannot be written");
            JsonNode example = ContainerIT.find(http.get("/tasks").json(), "example");
            assertThat(example.path("paused").asBoolean()).as("still paused, as the file says").isTrue();
            assertThat(example.path("disabled").asBoolean()).isFalse();
            assertThat(http.post("/tasks/example/run").status()).as("a paused task does not run").isEqualTo(409);
            assertThat(http.get("/health").json().path("warnings").toString()).contains(states.toString());
        }
        Files.delete(states.resolve("in-the-way"));
        Files.delete(states);
        Files.move(saved, states);

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            JsonNode example = ContainerIT.find(http.get("/tasks").json(), "example");
            assertThat(example.path("paused").asBoolean()).isTrue();
            assertThat(example.path("disabled").asBoolean()).isFalse();
            assertThat(http.post("/tasks/example/resume").status()).isEqualTo(200);
            assertThat(HealthWarnings.besidesUnauthenticatedWebhooks(http.get("/health").json())).isEmpty();
        }
        try (ContainerProcess container = installation.start()) {
            JsonNode example = ContainerIT.find(container.http.get("/tasks").json(), "example");
            assertThat(example.path("paused").asBoolean()).isFalse();
        }
    }

    @Test
    void everyStoreFileThatCannotBeReadIsOnHealthAndLeftAsItWas() throws IOException {
        Installation installation = Installation.copy("stores-unreadable");
        for (String store : STORES) {
            // A scalar fits none of the stores' shapes.
            Files.writeString(installation.home.resolve("data").resolve(store), "just some text\n");
        }
        try (ContainerProcess container = installation.start()) {
            Http.Response health = container.http.get("/health");
            assertThat(health.status()).isEqualTo(200);
            String warnings = health.json().path("warnings").toString();
            for (String store : STORES) {
                assertThat(warnings).contains(installation.home.resolve("data").resolve(store)
                        + " could not be read at start");
            }
        }
        for (String store : STORES) {
            assertThat(installation.home.resolve("data").resolve(store)).hasContent("just some text");
        }
    }

    @Test
    void everyStoreFileThatCannotBeWrittenIsOnHealthBeforeAnythingTriesTo() throws IOException {
        Installation installation = Installation.copy("stores-unwritable");
        try (ContainerProcess container = installation.start()) {
            assertThat(HealthWarnings.besidesUnauthenticatedWebhooks(container.http.get("/health").json())).isEmpty();
            for (String store : STORES) {
                Path file = installation.home.resolve("data").resolve(store);
                Files.deleteIfExists(file);
                Files.createDirectories(file.resolve("in-the-way"));
            }

            String warnings = container.http.get("/health").json().path("warnings").toString();
            for (String store : STORES) {
                assertThat(warnings).contains(installation.home.resolve("data").resolve(store) + " cannot be written");
            }
        }
    }
}
