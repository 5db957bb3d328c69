package io.cascadence.api.event;

import java.time.Instant;

/**
 * A run finished.
 *
 * @param parentRunId the run whose plan started this one, or {@code null}
 * @param status how it ended: {@code success}, {@code error}, {@code cancelled}, {@code timed_out} or
 *        {@code interrupted} (see {@link io.cascadence.api.RunRecord})
 * @param stage the stage that failed, or {@code null} (for a run ended from outside: the stage it was in, when
 *        known)
 * @param error the failure's message, or {@code null}
 * @param result a short text of the result, or {@code null}
 * @param startedAt when its first stage began (for a run ended while it waited for a worker: when it was ended)
 * @param finishedAt when it ended
 * @param dueAt for a scheduled fire (and the runs it started), when the fire was due; else {@code null}
 * @since 1.1.0 ({@code dueAt})
 */
public record TaskRunEvent(String taskName, String runId, String parentRunId, String status, String stage,
        String error, String result, Instant startedAt, Instant finishedAt, String userHash, String groupHash,
        Instant dueAt) implements CascadenceEvent {

    /** A run that was not a scheduled fire: {@link #dueAt()} is {@code null}. Kept for publishers of 1.0.0. */
    public TaskRunEvent(String taskName, String runId, String parentRunId, String status, String stage,
            String error, String result, Instant startedAt, Instant finishedAt, String userHash, String groupHash) {
        this(taskName, runId, parentRunId, status, stage, error, result, startedAt, finishedAt, userHash, groupHash,
                null);
    }

    @Override
    public Instant time() {
        return finishedAt;
    }
}
