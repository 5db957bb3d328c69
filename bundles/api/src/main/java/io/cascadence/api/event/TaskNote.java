package io.cascadence.api.event;

import java.time.Instant;

/**
 * A free-text note about a task or one of its runs, the original's {@code TaskNote} message.
 *
 * @param taskName the task it is about
 * @param runId the run it is about, or {@code null}
 * @param note the note's text
 * @param userHash the hashed id of its author, or {@code null}
 * @param groupHash the hashed group id, or {@code null}
 * @param time when it was written
 */
public record TaskNote(String taskName, String runId, String note, String userHash, String groupHash, Instant time)
        implements CascadenceEvent {
}
