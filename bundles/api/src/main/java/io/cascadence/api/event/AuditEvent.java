package io.cascadence.api.event;

import java.time.Instant;

/**
 * What happened in a stage.
 *
 * @param status {@code started}, {@code success}, {@code error} or {@code skipped}
 * @param reason why it failed or was skipped, or {@code null}
 * @param output a short text of what the stage produced, or {@code null}
 */
public record AuditEvent(String taskName, String stage, String status, String reason, String output, String runId,
        String userHash, String groupHash, Instant time) implements CascadenceEvent {

    public static final String STARTED = "started";
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";
}
