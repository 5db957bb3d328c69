package io.cascadence.core.impl.history;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;

/**
 * The run history in a SQL database behind a HikariCP pool: SQLite embedded, or PostgreSQL. Opening it migrates
 * the schema, imports an old {@code runs.json} once and trims the history to its retention; then one writer
 * thread commits saves in groups ({@link GroupCommitWriter}). Nothing is cached: every query asks the database,
 * so memory stays flat however many runs are kept.
 */
public final class SqlRunStore implements RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqlRunStore.class);

    /**
     * How the store is opened.
     *
     * @param poolSize connections for queries (the writer has one more of its own)
     * @param retention how many runs to keep, nested runs counted
     * @param legacyJson an old {@code runs.json} to import once, or {@code null}
     */
    public record Settings(int poolSize, int retention, Path legacyJson) {
    }

    private final HistoryDatabase database;
    private final HikariDataSource pool;
    private final Retention retention;
    private final RunWrites writes;
    private final RunQueries queries;
    private final WriteProblems problems;
    private final GroupCommitWriter writer;
    private volatile String importProblem;

    private SqlRunStore(HistoryDatabase database, HikariDataSource pool, int retention) {
        this.database = database;
        this.pool = pool;
        this.retention = new Retention(pool, database.name(), retention);
        this.writes = new RunWrites(pool, this.retention);
        this.queries = new RunQueries(pool, database.name());
        this.problems = new WriteProblems(database.name());
        this.writer = new GroupCommitWriter(database.schema() == null ? "sqlite" : "postgresql", writes, problems);
    }

    /**
     * Opens the database, migrates it, imports {@link Settings#legacyJson()} if it is there, trims it to the
     * retention and starts the writer.
     *
     * @throws RunStoreException naming the database when it cannot be opened or migrated (not a database, no
     *         server at the URL, a newer schema than this version knows)
     */
    public static SqlRunStore open(HistoryDatabase database, Settings settings) {
        HikariDataSource pool = pool(database, settings.poolSize());
        try {
            Migrations.migrate(pool, database);
            SqlRunStore store = new SqlRunStore(database, pool, settings.retention());
            store.importProblem = LegacyImport.run(settings.legacyJson(), store.writes, database.name());
            store.retention.trimAll();
            store.writer.start();
            return store;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new RunStoreException("Cannot open the run-history database " + database.name() + ": "
                    + WriteProblems.reason(e), e);
        }
    }

    private static HikariDataSource pool(HistoryDatabase database, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("run-history");
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(poolSize + 1);
        config.setMinimumIdle(1);
        config.setSchema(database.schema());
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // try one connection now and fail with its error
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // The pool's own "Failed to initialize pool" says nothing the driver's cause does not.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RunStoreException("Cannot open the run-history database " + database.name() + ": "
                    + WriteProblems.reason(cause), e);
        }
    }

    @Override
    public CompletableFuture<Void> save(Collection<RunRecord> records) {
        return writer.save(records);
    }

    @Override
    public void saveLater(RunRecord record) {
        writer.saveLater(record);
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return runId == null ? Optional.empty() : queries.find(runId);
    }

    @Override
    public List<RunRecord> query(RunQuery query) {
        return queries.query(query);
    }

    @Override
    public Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
        return queries.latest(taskNames, userHash);
    }

    @Override
    public List<RunRecord> children(String runId) {
        return queries.children(runId);
    }

    @Override
    public int interruptUnfinished(String reason, Instant at) {
        try {
            int ended = writes.interruptUnfinished(reason, at);
            if (ended > 0) {
                LOG.info("Run history {}: {} runs left unfinished are now interrupted", database.name(), ended);
            }
            return ended;
        } catch (SQLException e) {
            throw new RunStoreException("Cannot end the unfinished runs in " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        return queries.count();
    }

    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(2);
        String failing = problems.problem();
        if (failing != null) {
            warnings.add(failing);
        }
        String imported = importProblem;
        if (imported != null) {
            warnings.add(imported);
        }
        return warnings;
    }

    /** The database's name for messages: its file, or its URL. */
    public String databaseName() {
        return database.name();
    }

    @Override
    public void close() {
        writer.close();
        pool.close();
    }
}
