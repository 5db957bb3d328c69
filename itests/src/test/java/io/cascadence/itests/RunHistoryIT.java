package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The run-history database as the installation opens it: data/runs.db, the old runs.json, bad databases. */
class RunHistoryIT {

    private static final String OLD_RUNS = """
            {"version": 1, "runs": [
              {"run_id": "11111111-1111-1111-1111-111111111111", "task": "example", "status": "success",
               "started_at": "2026-01-01T10:00:00Z", "finished_at": "2026-01-01T10:00:01Z", "stages": []},
              {"run_id": "22222222-2222-2222-2222-222222222222", "task": "example", "status": "error",
               "started_at": "2026-01-01T11:00:00Z", "finished_at": "2026-01-01T11:00:01Z", "error": "boom",
               "failed_stage": "run", "stages": []}
            ]}
            """;

    @Test
    void anOldRunsJsonIsImportedOnceAndNativeCopiesOfDeadProcessesAreCleanedUp() throws IOException {
        Installation installation = Installation.copy("history-import");
        Path data = installation.home.resolve("data");
        Files.writeString(data.resolve("runs.json"), OLD_RUNS);
        Path leftByKill = installation.home.resolve("cache/native/2147483646/sqlite-libsqlitejdbc.so");
        Files.createDirectories(leftByKill.getParent());
        Files.writeString(leftByKill, "a copy left behind by kill -9");

        try (ContainerProcess container = installation.start()) {
            Await.until("the run history to be open", () -> container.log().contains("Run history in "
                    + data.resolve("runs.db")));
            assertThat(container.log()).contains("imported 2 runs (2 new) from " + data.resolve("runs.json"));
            assertThat(HealthWarnings.besidesUnauthenticatedWebhooks(container.http.get("/health").json())).isEmpty();
        }
        assertThat(data.resolve("runs.db")).isRegularFile();
        assertThat(data.resolve("runs.json")).doesNotExist();
        assertThat(data.resolve("runs.json.imported")).isRegularFile();
        assertThat(leftByKill.getParent()).doesNotExist();

        try (ContainerProcess container = installation.start()) {
            Await.until("the run history to be open again", () -> container.log().split("Run history in ", -1)
                    .length == 3);
            assertThat(container.log().split("imported 2 runs", -1)).hasSize(2); // the first start's line only
            assertThat(container.http.get("/runs/22222222-2222-2222-2222-222222222222").json().path("error")
                    .asText()).isEqualTo("boom");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsNamedInTheLogAndTheRestRuns() throws IOException {
        Installation installation = Installation.copy("history-broken");
        Path db = installation.home.resolve("data/runs.db");
        Files.writeString(db, "these are not the runs you are looking for\n".repeat(200));

        try (ContainerProcess container = installation.start()) {
            Await.until("the log line naming the database", () -> container.log()
                    .contains("The run history cannot start: Cannot open the run-history database " + db));
            Http.Response refused = container.http.post("/tasks/example/run");
            assertThat(refused.status()).as("nothing can be recorded, so nothing runs").isEqualTo(503);
            assertThat(refused.json().path("detail").asText()).contains(db.toString());
            assertThat(container.http.get("/health").body()).contains("The run history cannot be used")
                    .contains(db.toString());
            assertThat(container.http.get("/tasks").status()).isEqualTo(200);
        }
        assertThat(Files.readString(db)).startsWith("these are not the runs");

        installation.environment.put("CASCADENCE_HISTORY_URL", "jdbc:postgresql://127.0.0.1:1/cascadence");
        try (ContainerProcess container = installation.start()) {
            Await.until("the log line naming the URL", () -> container.log()
                    .contains("Cannot open the run-history database jdbc:postgresql://127.0.0.1:1/cascadence"));
            assertThat(container.http.post("/tasks/example/run").json().path("detail").asText())
                    .contains("jdbc:postgresql://127.0.0.1:1/cascadence");
        }
    }
}
