package io.cascadence.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every run's record, kept in the run-history database across restarts, within the configured retention. A run
 * that a caller was told about (its result, or its id for an asynchronous run) is in the history before the
 * caller is told.
 */
@ProviderType
public interface RunHistory {

    /** The run with this id, nested runs included; empty when there is none. */
    Optional<RunRecord> find(String runId);

    /** The runs matching the query, newest first; nested runs are not listed. */
    List<RunRecord> query(RunQuery query);

    /**
     * The runs of one task, newest first.
     *
     * @param offset how many of the newest to skip
     * @param limit at most how many to return
     */
    default List<RunRecord> forTask(String taskName, int offset, int limit) {
        return query(RunQuery.forTask(taskName, offset, limit));
    }

    /** The runs a run's plan started, in plan order. */
    List<RunRecord> children(String runId);
}
