package io.cascadence.core.impl.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The run history in the PostgreSQL server of the build machine (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}; override with {@code -Dcascadence.test.postgres=URL}), in a schema of this class's own that is
 * dropped before each test and after the last.
 */
class PostgresRunStoreTest extends SqlRunStoreContract {

    static final String URL = System.getProperty("cascadence.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String SCHEMA = "history_test_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    HistoryDatabase database() {
        return new HistoryDatabase(HistoryDatabase.withoutSecrets(URL), SCHEMA, dataSource());
    }

    @BeforeEach
    void dropSchema() throws Exception {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @AfterAll
    static void dropSchemaAfterAll() throws Exception {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void aServerThatCannotBeReachedIsReportedWithItsUrl() {
        HistoryDatabase nowhere = HistoryDatabase.postgres("jdbc:postgresql://127.0.0.1:1/test?password=secret",
                "postgres", "");

        assertThatThrownBy(() -> SqlRunStore.open(nowhere, new SqlRunStore.Settings(1, 10, null)))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/test")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theTablesAreInTheirOwnSchema() throws Exception {
        open();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                        + SCHEMA + "' AND table_name = 'runs'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        return dataSource;
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
