package io.cascadence.api.event;

import java.time.Instant;

/** Describes the task a stage belongs to (the original's TaskSpec, whose description is the stage name). */
public record TaskSpecEvent(String taskName, String description, String runId, String userHash, String groupHash,
        Instant time) implements CascadenceEvent {
}
