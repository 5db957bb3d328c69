package io.cascadence.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.core.impl.history.HistoryDatabase;
import io.cascadence.core.impl.history.SqlRunStore;

/**
 * A fresh run-history database for one trial: {@code sqlite-full}, {@code sqlite-normal} (a file in a temporary
 * folder) or {@code postgresql} (a schema of its own in the server named by {@code -Dcascadence.bench.postgres},
 * by default the build machine's 127.0.0.1:5432/test as postgres), dropped again by {@link #close}.
 */
final class HistoryDatabases implements AutoCloseable {

    static final String POSTGRES_URL = System.getProperty("cascadence.bench.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final Path folder;
    private final String schema;
    final HistoryDatabase database;

    HistoryDatabases(String kind) throws IOException {
        folder = Files.createTempDirectory("cascadence-history-jmh-");
        schema = "history_bench_" + UUID.randomUUID().toString().replace("-", "");
        database = switch (kind) {
            case "sqlite-full" -> HistoryDatabase.sqlite(folder.resolve("runs.db"), true);
            case "sqlite-normal" -> HistoryDatabase.sqlite(folder.resolve("runs.db"), false);
            // Batched inserts rewritten into multi-row INSERTs: what building a million rows needs to be quick.
            case "postgresql" -> new HistoryDatabase(POSTGRES_URL, schema, postgres(POSTGRES_URL
                    + "&reWriteBatchedInserts=true"));
            default -> throw new IllegalArgumentException("unknown database " + kind);
        };
    }

    SqlRunStore open(int poolSize) {
        return SqlRunStore.open(database, new SqlRunStore.Settings(poolSize, Integer.MAX_VALUE, null));
    }

    /** A finished top-level run as the engine saves it: one stage, hashes, a short input and result. */
    static RunRecord run(String runId, String task, Instant submitted) {
        return new RunRecord(runId, task, null, "api", RunRecord.SUCCESS, submitted, submitted, submitted, null,
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", null, "{\"n\":1}", "done", null,
                null, List.of(new StageRecord("run", "success", submitted, submitted, null)));
    }

    @Override
    public void close() throws IOException, SQLException {
        if (database.schema() != null) {
            try (Connection connection = postgres(POSTGRES_URL).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static PGSimpleDataSource postgres(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return dataSource;
    }
}
