package io.cascadence.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /**
     * The newest run of each of the given tasks, of any kind: of the task's runs, those another run's plan started
     * as a prerequisite included (they carry their own task's name and a {@link RunRecord#parentRunId()}), the one
     * submitted last ({@link RunRecord#submittedAt()}, a UTC instant; the greater run id breaks a tie, as in
     * {@link #query}), whatever its status. A run in progress is given as it is now, its stage list included, as
     * {@link #find} gives it. Answered from the database's index on task and submission time, one lookup per
     * task, so its cost grows with the number of names, not with the number of runs kept.
     *
     * @param taskNames the tasks to look up, registered or not; duplicates count once, {@code null} elements are
     *        ignored
     * @param userHash only runs of this user, by its hash (lowercase hex SHA-256, as {@link RunRecord#userHash()}),
     *        or {@code null} for every user's runs
     * @return the newest run by task name, for the tasks that have one (a task without runs is not a key); an
     *         unmodifiable map in no particular order
     * @throws CascadenceException when the run history cannot be read; the message names the database
     * @since 1.2.0
     */
    Map<String, RunRecord> latest(Collection<String> taskNames, String userHash);

    /**
     * How many runs of each task are {@link RunRecord#QUEUED queued} or {@link RunRecord#RUNNING running} now
     * (paused runs are running), those another run's plan started as a prerequisite included. Counted in memory
     * from the runs in progress, without reading the database.
     *
     * @param userHash only runs of this user, by its hash as {@link RunRecord#userHash()}, or {@code null} for every
     *        user's runs
     * @return the count by task name, for the tasks with at least one such run (a task with none is not a key); an
     *         unmodifiable map in no particular order
     * @since 1.2.0
     */
    Map<String, Integer> inProgress(String userHash);
}
