package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run history in the PostgreSQL this machine runs on 127.0.0.1:5432: runs recorded there (schema
 * {@code cascadence}), listed, kept across a restart, and ended as interrupted after a kill. Each test has a
 * database of its own, dropped after.
 */
class PostgresHistoryIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "cascadence_it_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void runsAreRecordedInPostgresqlAndKeptAcrossARestartAndAKill() throws Exception {
        Installation installation = Installation.copy("postgres-history");
        installation.environment.put("CASCADENCE_HISTORY_URL", SERVER + database);
        installation.environment.put("CASCADENCE_HISTORY_USER", "postgres");
        List<String> runIds = new ArrayList<>();
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(container.log()).contains("Run history in " + SERVER + database);
            for (int i = 0; i < 5; i++) {
                Http.Response run = http.post("/tasks/example/run", java.util.Map.of("X-User-ID", "alice"));
                assertThat(run.status()).as(run.body()).isEqualTo(200);
                runIds.add(run.json().path("run_id").asText());
            }
            JsonNode page = http.get("/tasks/example/runs?limit=3").json();
            assertThat(page).hasSize(3);
            assertThat(page.get(0).path("run_id").asText()).isEqualTo(runIds.get(4));
        }
        assertThat(rows("SELECT run_id FROM cascadence.runs WHERE status = 'success'")).containsAll(runIds);
        assertThat(rows("SELECT user_hash FROM cascadence.runs")).doesNotContain("alice");

        String open;
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(http.get("/runs/" + runIds.get(0)).json().path("status").asText()).isEqualTo("success");
            assertThat(http.get("/runs?task=example&limit=100").json()).hasSize(5);
            open = http.post("/tasks/example/run-async").json().path("run_id").asText();
            Await.until("the async run recorded", () -> rows("SELECT run_id FROM cascadence.runs").contains(open));
            container.kill();
        }
        try (ContainerProcess container = installation.start()) {
            String status = container.http.get("/runs/" + open).json().path("status").asText();
            assertThat(status).isIn("success", "interrupted");
            assertThat(rows("SELECT run_id FROM cascadence.runs WHERE status IN ('queued', 'running')")).isEmpty();
        }
    }

    private List<String> rows(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
