package io.cascadence.core.impl.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;

/**
 * Where run records are kept: a SQL database (embedded SQLite under {@code data/}, or PostgreSQL). Writes go
 * through one writer that commits whatever is waiting in one transaction (group commit), so many runs share one
 * commit and its fsync under load, while a lone run still has its own commit at once.
 */
public interface RunStore extends AutoCloseable {

    /**
     * Inserts or replaces the records (by run id), in the order given, in one transaction with whatever else is
     * waiting.
     *
     * @return completes once the records are committed (durably, as {@code history_sync} says), or exceptionally
     *         with a {@link RunStoreException} naming the database; never before the commit. It completes on the
     *         store's writer thread, so what is chained to it without an executor delays the next commit and must
     *         be short (or use an {@code ...Async} variant)
     */
    CompletableFuture<Void> save(Collection<RunRecord> records);

    /**
     * Inserts or replaces a record some time soon, without a promise: a later {@link #save} of the same run wins,
     * and an update waiting here is dropped when a newer one for the same run arrives. It never replaces a record
     * that has ended, so a late update cannot undo a run's final save. For the stage timeline of long runs, so a
     * crash leaves a useful record.
     */
    void saveLater(RunRecord record);

    /** The run with this id, nested or not. */
    Optional<RunRecord> find(String runId);

    /**
     * The runs matching the query (top-level ones, or all when {@link RunQuery#nested()}), newest submitted first,
     * with {@code ORDER BY ... LIMIT/OFFSET}.
     */
    List<RunRecord> query(RunQuery query);

    /**
     * The newest run of each named task, nested runs included (submitted last, the greater run id breaking a
     * tie), one index lookup per name; tasks without runs are not keys. See {@link io.cascadence.api.RunHistory#latest}.
     *
     * @param userHash only this user's runs, or {@code null} for everyone's
     */
    Map<String, RunRecord> latest(Collection<String> taskNames, String userHash);

    /** The nested runs of a run, in plan order ({@code parent.1}, {@code parent.2}, ... compared as numbers). */
    List<RunRecord> children(String runId);

    /**
     * Ends every record left {@code queued} or {@code running} (by a crash) as {@code interrupted}, with
     * {@code reason} as its error and {@code at} as its end. Called once at start, before any run.
     *
     * @return how many records it ended
     */
    int interruptUnfinished(String reason, Instant at);

    /** How many records are kept. */
    long count();

    /** What is wrong with the store now (a failing write, an import that failed), for {@code /health}. */
    List<String> warnings();

    /** Writes what is waiting, then closes the database. */
    @Override
    void close();
}
