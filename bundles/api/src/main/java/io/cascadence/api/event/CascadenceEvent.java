package io.cascadence.api.event;

import java.time.Instant;

/** Something that happened to a task or a run. */
public interface CascadenceEvent {

    /** The task's name (for nested pipelines, {@code parent.N}). */
    String taskName();

    /** The run it belongs to, or {@code null} for events outside a run (a task paused by an operator). */
    String runId();

    /** The hashed user id, or {@code null}. */
    String userHash();

    /** The hashed group id, or {@code null}. */
    String groupHash();

    Instant time();
}
