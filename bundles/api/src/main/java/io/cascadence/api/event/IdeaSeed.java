package io.cascadence.api.event;

import java.time.Instant;

/**
 * An idea a user wants remembered ({@code task ai-idea TEXT}), the original's {@code IdeaSeed} message. It
 * belongs to no task and no run.
 *
 * @param text the idea
 * @param userHash the hashed id of the user who had it, or {@code null}
 * @param groupHash the hashed group id, or {@code null}
 * @param time when it was sent
 */
public record IdeaSeed(String text, String userHash, String groupHash, Instant time) implements CascadenceEvent {

    /** Always {@code null}: an idea belongs to no task. */
    @Override
    public String taskName() {
        return null;
    }

    /** Always {@code null}: an idea belongs to no run. */
    @Override
    public String runId() {
        return null;
    }
}
