package io.cascadence.core.impl.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the run-history schema up to date with the versioned scripts in {@code db/history}
 * ({@code V<n>__<what>.sql}, the same SQL for SQLite and PostgreSQL). Flyway is given this bundle's class loader:
 * with the thread's context class loader it finds no scripts inside OSGi, warns, and migrates nothing.
 *
 * <p>Starting Flyway costs 250-450 ms inside the container even when there is nothing to do (most of a start),
 * so a database whose history table already records {@link #LATEST_VERSION} as applied is left alone without it.
 * What that skips is Flyway's check that applied scripts were not edited afterwards. A database newer than this
 * version still goes through Flyway, which refuses it.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LOCATION = "classpath:db/history";
    static final String HISTORY_TABLE = "runs_schema_history";

    /** The highest {@code V<n>} in {@code db/history}; raise it with every new script (a test checks it). */
    static final int LATEST_VERSION = 3;

    private Migrations() {
    }

    static void migrate(DataSource pool, HistoryDatabase database) {
        if (upToDate(pool)) {
            return;
        }
        var configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(pool)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // Its own detection picks java.util.logging inside OSGi; the container logs through slf4j.
                .loggers("slf4j")
                // An existing database whose history table is missing is an error, not something to adopt.
                .baselineOnMigrate(false);
        if (database.schema() != null) {
            configuration = configuration.schemas(database.schema()).createSchemas(true);
        }
        long started = System.nanoTime();
        MigrateResult result = configuration.load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Run history {}: schema migrated to version {} ({} scripts) in {} ms", database.name(),
                    result.targetSchemaVersion, result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Whether every migration recorded succeeded and the newest is {@link #LATEST_VERSION}. */
    static boolean upToDate(DataSource pool) {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM " + HISTORY_TABLE
                        + " WHERE version IS NOT NULL")) {
            int newest = 0;
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
            }
            return newest == LATEST_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false; // no history table yet, or versions this check does not know: Flyway decides
        }
    }
}
