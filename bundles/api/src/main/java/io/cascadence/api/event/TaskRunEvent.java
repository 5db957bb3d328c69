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
 */
public record TaskRunEvent(String taskName, String runId, String parentRunId, String status, String stage,
        String error, String result, Instant startedAt, Instant finishedAt, String userHash, String groupHash)
        implements CascadenceEvent {

    @Override
    public Instant time() {
        return finishedAt;
    }
}
