package io.cascadence.api.event;

import java.time.Instant;

/**
 * A pipeline reached a stage ({@code intake}, {@code research}, {@code plan}, {@code precheck}, {@code run},
 * {@code verify}) or changed state ({@code paused}, {@code resumed}, {@code disabled}, {@code enabled}).
 */
public record StageUpdate(String taskName, String stage, String runId, String userHash, String groupHash,
        Instant time) implements CascadenceEvent {
}
