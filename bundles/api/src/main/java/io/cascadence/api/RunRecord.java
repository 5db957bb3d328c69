package io.cascadence.api;

import java.time.Instant;
import java.util.List;

/**
 * What is known of one run, kept in the run history.
 *
 * @param runId the run's id
 * @param taskName the task's name
 * @param parentRunId the run whose plan started this one, or {@code null}
 * @param userHash the hashed user id, or {@code null}
 * @param groupHash the hashed group id, or {@code null}
 * @param status {@code running}, {@code success} or {@code error}
 * @param startedAt when it started
 * @param finishedAt when it finished, or {@code null} while it runs
 * @param stages the stages so far, in order
 * @param result a short text of the result, or {@code null}
 * @param error the failure's message, or {@code null}
 * @param failedStage the stage that failed, or {@code null}
 */
public record RunRecord(String runId, String taskName, String parentRunId, String userHash, String groupHash,
        String status, Instant startedAt, Instant finishedAt, List<StageRecord> stages, String result, String error,
        String failedStage) {

    public static final String RUNNING = "running";
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";

    public RunRecord {
        stages = List.copyOf(stages);
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
