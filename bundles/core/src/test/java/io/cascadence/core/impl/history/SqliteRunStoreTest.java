package io.cascadence.core.impl.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The run history in the embedded SQLite database, in a temporary folder. */
class SqliteRunStoreTest extends SqlRunStoreContract {

    private boolean syncFull = true;

    @Override
    HistoryDatabase database() {
        return HistoryDatabase.sqlite(dbFile(), syncFull);
    }

    private Path dbFile() {
        return folder.resolve("data").resolve("runs.db");
    }

    @Test
    void everyConnectionUsesWriteAheadLoggingAndTheConfiguredSync() throws Exception {
        assertThat(pragmas(database())).isEqualTo("wal 2");
        syncFull = false;
        assertThat(pragmas(database())).isEqualTo("wal 1");
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedByName() throws Exception {
        Files.createDirectories(dbFile().getParent());
        Files.writeString(dbFile(), "these are not the runs you are looking for ".repeat(100));

        assertThatThrownBy(this::open).isInstanceOf(RunStoreException.class)
                .hasMessageContaining(dbFile().toAbsolutePath().toString())
                .hasMessageContaining("not a database");
    }

    @Test
    void theDatabaseFolderIsCreated() {
        open();
        assertThat(dbFile()).isRegularFile();
    }

    /**
     * The newest run of each task is one step into an index per task, never a scan of the runs: the page of tasks
     * stays fast however many runs are kept.
     */
    @Test
    void latestReadsTheTaskIndexesNotTheTable() throws Exception {
        open();
        assertThat(plan(RunQueries.latestSql(3, false))).contains("runs_task_submitted")
                .doesNotContain("SCAN r ");
        assertThat(plan(RunQueries.latestSql(3, true))).contains("runs_user_task_submitted")
                .doesNotContain("SCAN r ");
    }

    private String plan(String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database().dataSource().getConnection();
                var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, "x" + i);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString("detail")).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static String pragmas(HistoryDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            return value(statement, "PRAGMA journal_mode") + " " + value(statement, "PRAGMA synchronous");
        }
    }

    private static String value(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
