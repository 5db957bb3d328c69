package io.cascadence.core.impl.pipeline;

import java.time.Instant;

import io.cascadence.api.Identity;

/**
 * Which run to start.
 *
 * @param runId its id
 * @param taskName the task's registered name
 * @param identity who asked, as given
 * @param userHash the user id hashed
 * @param groupHash the group id hashed
 * @param input the request's input (already an unmodifiable JSON-like value), or {@code null}
 * @param trigger what asked for the run
 * @param dueAt when a scheduled fire was due, or {@code null}
 */
public record RunSpec(String runId, String taskName, Identity identity, String userHash, String groupHash,
        Object input, String trigger, Instant dueAt) {
}
