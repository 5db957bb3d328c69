package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * tasks.yml (tasks registered by path) and pointers.yml (the seed's pointer routes), across restarts, and what a
 * user is told when tasks.yml cannot be written.
 */
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
                    .startsWith("schedule: cron expression 'every minute' has 2 fields: expected 5");
            String fanOut = BUNDLE + ":" + BUNDLE + ".FanOutTask";
            assertThat(error(http.post("/tasks?path=" + fanOut))).contains("a task named 'fan-out' exists already");
            assertThat(http.post("/tasks?path=" + fanOut + "&name=fan-out-copy").status()).isEqualTo(200);
            // The same class under another name is another task, not a replacement of the first.
            assertThat(http.post("/tasks?path=" + fanOut + "&name=fan-out-other").status()).isEqualTo(200);
            assertThat(http.post("/tasks/fan-out-copy/run").status()).isEqualTo(200);
            Http.Response again = http.post("/tasks?path=" + fanOut + "&name=fan-out-copy&schedule=0%203%20*%20*%20*");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(error(http.post("/tasks?path=" + DIGEST + "&name=fan-out-other")))
                    .contains("a task named 'fan-out-other'");
            assertThat(error(http.post("/tasks"))).contains("path query parameter is required");
        }
        String stored = Files.readString(installation.home.resolve("data/tasks.yml"));
        // Schedules given with a registration are kept by the Schedules service in schedules.yml, not here.
        // An entry without a name of its own is the original's bare 'bundle:Class' path.
        assertThat(stored).contains("- " + DIGEST + "\n").contains("name: fan-out-other").doesNotContain("schedule");
        assertThat(stored.split("name: fan-out-copy", -1)).as("one entry per name:\n%s", stored).hasSize(2);
        assertThat(installation.home.resolve("data/schedules.yml")).content()
                .contains("digest: '*/5 * * * *'", "fan-out-copy: 0 3 * * *");

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(http.post("/tasks/digest/run").status()).isEqualTo(200);
            assertThat(http.post("/tasks/fan-out-copy/run").json().path("result").asInt()).isEqualTo(29);
            assertThat(http.post("/tasks/fan-out-other/run").json().path("result").asInt()).isEqualTo(29);
            assertThat(http.get("/schedules/digest").json().path("expression").asText()).isEqualTo("*/5 * * * *");
            assertThat(http.get("/schedules/fan-out-copy").json().path("expression").asText()).isEqualTo("0 3 * * *");

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
            Await.until("the pointer update published (and logged)",
                    () -> container.log().contains("Task 'family_pointer': a pointer to run run42 was added"));
            assertThat(container.log().split("a pointer to run run42 was added", -1))
                    .as("adding it again publishes nothing").hasSize(2);
            Http.Response mine = http.get("/pointers/family_pointer", alice);
            assertThat(mine.json()).hasSize(1);
            assertThat(mine.json().get(0).path("run_id").asText()).isEqualTo("run42");
            assertThat(mine.json().get(0).path("user_hash").asText()).isEqualTo(ALICE_HASH);
            assertThat(http.get("/pointers/family_pointer", Map.of("X-User-ID", "bob")).json()).isEmpty();
            assertThat(error(http.get("/pointers/family_pointer")))
                    .isEqualTo("user_id header required: send X-User-ID, or the user_id query parameter");
            assertThat(error(http.post("/pointers/family_pointer?run_id=run42")))
                    .startsWith("user_id header required");
            assertThat(error(http.post("/pointers/word-count?run_id=x", alice)))
                    .isEqualTo("'word-count' is not a pointer task");
            assertThat(error(http.post("/pointers/family_pointer", alice)))
                    .isEqualTo("run_id query parameter is required");
            assertThat(http.post("/pointers/family_pointer/receive?run_id=xyz&user_hash=" + "ab".repeat(32)).json()
                    .path("status").asText()).isEqualTo("stored");
        }
        String stored = Files.readString(installation.home.resolve("data/pointers.yml"));
        assertThat(stored).contains("run42").contains(ALICE_HASH).contains("xyz")
                .doesNotContain("alice").doesNotContain("family-group");
        try (ContainerProcess container = installation.start()) {
            assertThat(container.http.get("/pointers/family_pointer", alice).json()).hasSize(1);
        }
    }

    @Test
    void pointersWorkWithTheQueryParametersOfTheSeedsReadmeAndHeadersWin() {
        Installation installation = Installation.copy("pointer-query");
        Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Await.until("family_pointer", () -> http.get("/tasks").body().contains("family_pointer"));

            // The seed's README, word for word: no headers.
            Http.Response added = http.post("/pointers/family_pointer?user_id=alice&run_id=run42");
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            assertThat(added.json().path("status").asText()).isEqualTo("added");
            Http.Response mine = http.get("/pointers/family_pointer?user_id=alice");
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            assertThat(mine.json()).hasSize(1);
            assertThat(mine.json().get(0).path("run_id").asText()).isEqualTo("run42");
            assertThat(mine.json().get(0).path("user_hash").asText()).isEqualTo(ALICE_HASH);

            // A header says who calls, whatever the query says.
            assertThat(http.post("/pointers/family_pointer?user_id=alice&run_id=run43", Map.of("X-User-ID", "bob"))
                    .status()).isEqualTo(200);
            assertThat(http.get("/pointers/family_pointer?user_id=alice", Map.of("X-User-ID", "bob")).json())
                    .singleElement().satisfies(p -> assertThat(p.path("run_id").asText()).isEqualTo("run43"));
            assertThat(http.get("/pointers/family_pointer", Map.of("X-User-ID", "alice")).json()).hasSize(1);

            // group_id as a query parameter narrows the list like X-Group-ID.
            assertThat(http.post("/pointers/family_pointer?user_id=carol&group_id=family&run_id=run44").status())
                    .isEqualTo(200);
            assertThat(http.get("/pointers/family_pointer?user_id=carol&group_id=family").json()).hasSize(1);
            assertThat(http.get("/pointers/family_pointer?user_id=carol&group_id=work").json()).isEmpty();
        }
    }

    @Test
    void aRegistrationThatCannotBeWrittenIsRefusedWith503AndChangesNothing() throws IOException {
        Installation unreadable = Installation.copy("task-store-unreadable");
        Installation.dropInto(PIPELINE, unreadable.plugins().resolve("pipeline.jar"));
        Path tasks = unreadable.home.resolve("data/tasks.yml");
        Files.writeString(tasks, "hand-edited: not a list\n");
        try (ContainerProcess container = unreadable.start()) {
            Http http = container.http;
            Await.until("the pipeline example's tasks", () -> http.get("/tasks").body().contains("word-count"));

            Http.Response refused = http.post("/tasks?path=" + DIGEST);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("detail").asText()).startsWith(tasks + " cannot be written: it could not "
                    + "be read at start (expected a list of 'bundle:Class' paths)");
            assertThat(http.get("/tasks").body()).doesNotContain("\"digest\"");
            assertThat(http.get("/health").json().path("warnings").toString())
                    .contains(tasks + " could not be read at start");
        }
        assertThat(tasks).hasContent("hand-edited: not a list");

        Installation unwritable = Installation.copy("task-store-unwritable");
        Installation.dropInto(PIPELINE, unwritable.plugins().resolve("pipeline.jar"));
        tasks = unwritable.home.resolve("data/tasks.yml");
        try (ContainerProcess container = unwritable.start()) {
            Http http = container.http;
            Await.until("the pipeline example's tasks", () -> http.get("/tasks").body().contains("word-count"));
            assertThat(http.post("/tasks?path=" + DIGEST + "&name=first").status()).isEqualTo(200);
            // A folder where tasks.yml belongs stops every write, whoever runs the container (root included).
            Files.delete(tasks);
            Files.createDirectories(tasks.resolve("in-the-way"));

            Http.Response refused = http.post("/tasks?path=" + DIGEST + "&name=second");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("detail").asText()).isEqualTo(tasks + " cannot be written: it is a folder; "
                    + "nothing was changed");
            assertThat(http.get("/tasks").body()).doesNotContain("\"second\"");
            assertThat(http.post("/tasks/second/run").status()).isEqualTo(404);
            assertThat(http.get("/health").json().path("warnings").toString()).contains(tasks + " cannot be written");

            Files.delete(tasks.resolve("in-the-way"));
            Files.delete(tasks);
            assertThat(http.post("/tasks?path=" + DIGEST + "&name=second").status()).isEqualTo(200);
            assertThat(HealthWarnings.besidesUnauthenticatedWebhooks(http.get("/health").json())).isEmpty();
        }
        assertThat(Files.readString(tasks)).contains("name: second");
    }

    @Test
    void aSlowConstructorHoldsUpOnlyItsOwnRegistration() throws Exception {
        Installation installation = Installation.copy("task-store-slow");
        Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
        String slowStart = BUNDLE + ":" + BUNDLE + ".SlowStartTask";
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Await.until("the pipeline example's tasks", () -> http.get("/tasks").body().contains("word-count"));

            CompletableFuture<Http.Response> slow = CompletableFuture.supplyAsync(
                    () -> http.post("/tasks?path=" + slowStart));
            Thread.sleep(500); // let the slow request reach the constructor, which takes four seconds

            assertThat(http.post("/tasks?path=" + DIGEST).status()).isEqualTo(200);
            assertThat(http.get("/tasks").status()).isEqualTo(200);
            assertThat(http.post("/tasks/digest/run").status()).isEqualTo(200);
            assertThat(slow).as("the slow registration, still in its constructor").isNotDone();

            Http.Response registered = slow.get(30, TimeUnit.SECONDS);
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            assertThat(registered.json().path("name").asText()).isEqualTo("slow-start");
        }

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            // The quick task was restored by the time the container said UP; the slow one follows.
            assertThat(http.post("/tasks/digest/run").status()).isEqualTo(200);
            Await.until("slow-start restored in the background",
                    () -> http.get("/tasks").body().contains("\"slow-start\""));
            assertThat(http.post("/tasks/slow-start/run").json().path("result").asText()).isEqualTo("started slowly");
        }
    }

    private static String error(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        return response.json().path("detail").asText();
    }
}
