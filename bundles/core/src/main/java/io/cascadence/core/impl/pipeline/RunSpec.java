package io.cascadence.core.impl.pipeline;

import io.cascadence.api.Identity;

/**
 * Which run to start.
 *
 * @param runId its id
 * @param taskName the task's registered name
 * @param identity who asked, as given
 * @param userHash the user id hashed
 * @param groupHash the group id hashed
 */
public record RunSpec(String runId, String taskName, Identity identity, String userHash, String groupHash) {
}
