package io.cascadence.api.event;

import java.time.Instant;

/**
 * A pointer was recorded: a user says they have a run of a {@link io.cascadence.api.PointerTask}. The original's
 * {@code PointerUpdate} message; other instances may store it ({@code POST /pointers/{task}/receive}).
 *
 * @param taskName the pointer task's name
 * @param runId the run the pointer names
 * @param userHash the hashed user id
 * @param groupHash the hashed group id, or {@code null}
 * @param time when it was recorded
 */
public record PointerUpdate(String taskName, String runId, String userHash, String groupHash, Instant time)
        implements CascadenceEvent {
}
