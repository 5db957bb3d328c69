package io.cascadence.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What is known of one run, kept in the run history. Times are UTC instants.
 *
 * @param runId the run's id
 * @param taskName the task's name (a nested run of a plan has its parent's followed by {@code /N}; a prerequisite
 *        run, its own)
 * @param parentRunId the run whose plan (or whose need of a prerequisite) started this one, or {@code null}
 * @param trigger what asked for the run ({@link Trigger#name()}); a nested run of a plan has its parent's, a
 *        prerequisite run {@code dependency}
 * @param status one of {@link #QUEUED}, {@link #RUNNING}, {@link #SUCCESS}, {@link #ERROR}, {@link #CANCELLED},
 *        {@link #TIMED_OUT}, {@link #INTERRUPTED}
 * @param submittedAt when the run was accepted
 * @param startedAt when it got a worker and its stages began, or {@code null} while it waits for one
 * @param finishedAt when it ended, or {@code null} while it is queued or running
 * @param dueAt for a scheduled fire, when it was due, else {@code null}
 * @param userHash the hashed user id, or {@code null}
 * @param groupHash the hashed group id, or {@code null}
 * @param input the input as compact JSON, cut to a preview of at most 1,024 characters (then ending in
 *        {@code ...}), or {@code null} without input
 * @param result a short text of the result, or {@code null}
 * @param error why the run did not succeed, or {@code null}
 * @param failedStage the stage that failed or was in progress when the run was ended, or {@code null}
 * @param stages the stages so far, in order
 */
public record RunRecord(String runId, String taskName, String parentRunId, String trigger, String status,
        Instant submittedAt, Instant startedAt, Instant finishedAt, Instant dueAt, String userHash,
        String groupHash, String input, String result, String error, String failedStage, List<StageRecord> stages) {

    /** Accepted and waiting for a worker. */
    public static final String QUEUED = "queued";
    /** A stage is running, or the run is paused between stages. */
    public static final String RUNNING = "running";
    public static final String SUCCESS = "success";
    /** A stage failed (or the precheck said no); {@link #failedStage()} says which. */
    public static final String ERROR = "error";
    /** Cancelled by a user ({@code POST /runs/{id}/cancel}, {@code task cancel}). */
    public static final String CANCELLED = "cancelled";
    /** It ran longer than its task's timeout. */
    public static final String TIMED_OUT = "timed_out";
    /** Cascadence stopped, or crashed, while the run was queued or running. */
    public static final String INTERRUPTED = "interrupted";

    /** Every status, in the order a run can go through them. */
    public static final List<String> STATUSES = List.of(QUEUED, RUNNING, SUCCESS, ERROR, CANCELLED, TIMED_OUT,
            INTERRUPTED);

    private static final Set<String> ENDED = Set.of(SUCCESS, ERROR, CANCELLED, TIMED_OUT, INTERRUPTED);

    public RunRecord {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** Whether a run in {@code status} has ended: every status but queued and running. */
    public static boolean ended(String status) {
        return ENDED.contains(status);
    }

    /** Whether this run has ended. */
    public boolean ended() {
        return ended(status);
    }

    /**
     * One stage of a run.
     *
     * @param stage its name
     * @param status {@code started}, {@code success}, {@code error} or {@code skipped}
     * @param startedAt when it started
     * @param finishedAt when it ended, or {@code null}
     * @param reason why it failed or was skipped, or {@code null}
     */
    public record StageRecord(String stage, String status, Instant startedAt, Instant finishedAt, String reason) {
    }
}
