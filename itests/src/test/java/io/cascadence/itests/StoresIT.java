package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** tasks.yml (tasks registered by path) and pointers.yml (the seed's pointer routes), across restarts. */
class StoresIT {

    private static final Path PIPELINE = Path.of(System.getProperty("pipeline.jar"));
    private static final String BUNDLE = "io.cascadence.examples.pipeline";
    private static final String DIGEST = BUNDLE + ":" + BUNDLE + ".DigestTask";
    private static final String ALICE_HASH = "2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90";

    @Test
    void aTaskRegisteredByPathIsKeptAndFollowsItsBundle() throws IOException {
        Installation installation = Installation.copy("task-store");
        Path jar = installation.plugins().resolve("pipeline.jar");
        Installation.dropInto(PIPELINE, jar);
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Await.until("the pipeline example's tasks", () -> http.get("/tasks").body().contains("word-count"));

            Http.Response registered = http.post("/tasks?path=" + DIGEST + "&schedule=*/5%20*%20*%20*%20*");
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            assertThat(registered.json().path("status").asText()).isEqualTo("registered");
            assertThat(registered.json().path("name").asText()).isEqualTo("digest");
            assertThat(http.post("/tasks/digest/run").json().path("result").asText()).startsWith("digest of ");

            assertThat(error(http.post("/tasks?path=no-colon-here"))).startsWith("path must be 'bundle:Class'");
            assertThat(error(http.post("/tasks?path=nope:x.Y"))).isEqualTo("no bundle 'nope' is installed");
            assertThat(error(http.post("/tasks?path=" + BUNDLE + ":" + BUNDLE + ".Missing")))
                    .isEqualTo("bundle '" + BUNDLE + "' has no class '" + BUNDLE + ".Missing'");
            assertThat(error(http.post("/tasks?path=" + BUNDLE + ":java.lang.String")))
                    .isEqualTo("class 'java.lang.String' is not an io.cascadence.api.Task");
            assertThat(error(http.post("/tasks?path=" + DIGEST + "&schedule=every%20minute")))
                    .contains("is not a cron expression");
            String fanOut = BUNDLE + ":" + BUNDLE + ".FanOutTask";
            assertThat(error(http.post("/tasks?path=" + fanOut))).contains("a task named 'fan-out' exists already");
            assertThat(http.post("/tasks?path=" + fanOut + "&name=fan-out-copy").status()).isEqualTo(200);
            assertThat(error(http.post("/tasks"))).contains("path query parameter is required");
        }
        assertThat(Files.readString(installation.home.resolve("data/tasks.yml")))
                .contains("path: " + DIGEST).contains("schedule: '*/5 * * * *'").contains("name: fan-out-copy");

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(http.post("/tasks/digest/run").status()).isEqualTo(200);
            assertThat(http.post("/tasks/fan-out-copy/run").json().path("result").asInt()).isEqualTo(29);

            Files.delete(jar);
            Await.until("digest gone with its bundle", () -> !http.get("/tasks").body().contains("\"digest\""));
            Installation.dropInto(PIPELINE, jar);
            Await.until("digest back with its bundle", () -> http.get("/tasks").body().contains("\"digest\""));
        }
    }

    @Test
    void pointersAreAddedPerUserListedForTheirOwnerAndKept() throws IOException {
        Installation installation = Installation.copy("pointer-store");
        Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
        Map<String, String> alice = Map.of("X-User-ID", "alice", "X-Group-ID", "family-group");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Await.until("family_pointer", () -> http.get("/tasks").body().contains("family_pointer"));

            assertThat(http.post("/pointers/family_pointer?run_id=run42", alice).json().path("status").asText())
                    .isEqualTo("added");
            assertThat(http.post("/pointers/family_pointer?run_id=run42", alice).status()).isEqualTo(200);
            Http.Response mine = http.get("/pointers/family_pointer", alice);
            assertThat(mine.json()).hasSize(1);
            assertThat(mine.json().get(0).path("run_id").asText()).isEqualTo("run42");
            assertThat(mine.json().get(0).path("user_hash").asText()).isEqualTo(ALICE_HASH);
            assertThat(http.get("/pointers/family_pointer", Map.of("X-User-ID", "bob")).json()).isEmpty();
            assertThat(error(http.get("/pointers/family_pointer"))).isEqualTo("X-User-ID header required");
            assertThat(error(http.post("/pointers/word-count?run_id=x", alice)))
                    .isEqualTo("'word-count' is not a pointer task");
            assertThat(error(http.post("/pointers/family_pointer", alice)))
                    .isEqualTo("run_id query parameter is required");
            assertThat(http.post("/pointers/family_pointer/receive?run_id=xyz&user_hash=abc").json()
                    .path("status").asText()).isEqualTo("stored");
        }
        String stored = Files.readString(installation.home.resolve("data/pointers.yml"));
        assertThat(stored).contains("run42").contains(ALICE_HASH).contains("xyz")
                .doesNotContain("alice").doesNotContain("family-group");
        try (ContainerProcess container = installation.start()) {
            assertThat(container.http.get("/pointers/family_pointer", alice).json()).hasSize(1);
        }
    }

    private static String error(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        return response.json().path("detail").asText();
    }
}
