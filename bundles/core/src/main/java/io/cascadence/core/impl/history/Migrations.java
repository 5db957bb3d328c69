package io.cascadence.core.impl.history;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the run-history schema up to date with the versioned scripts in {@code db/history}
 * ({@code V<n>__<what>.sql}, the same SQL for SQLite and PostgreSQL). Flyway is given this bundle's class loader:
 * with the thread's context class loader it finds no scripts inside OSGi, warns, and migrates nothing.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LOCATION = "classpath:db/history";

    private Migrations() {
    }

    static void migrate(DataSource pool, HistoryDatabase database) {
        var configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(pool)
                .locations(LOCATION)
                .table("runs_schema_history")
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
}
