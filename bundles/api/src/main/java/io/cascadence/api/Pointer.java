package io.cascadence.api;

/**
 * A pointer: a user (hashed) has a run of a {@link PointerTask}.
 *
 * @param runId the run pointed at
 * @param userHash the user's hash
 * @param groupHash the group's hash, or {@code null}
 */
public record Pointer(String runId, String userHash, String groupHash) {
}
