package io.cascadence.api.event;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Something that happened to a task or a run. Cascadence provides the implementations (the records of this
 * package: {@link TaskSpecEvent}, {@link StageUpdate}, {@link AuditEvent}, {@link TaskRunEvent},
 * {@link PointerUpdate}, {@link TaskNote}, {@link IdeaSeed}); plugins receive and publish them but do not implement
 * this interface, so it may gain methods in a minor version.
 */
@ProviderType
public interface CascadenceEvent {

    /** The task's name (for nested pipelines, {@code parent/N}), or {@code null} for an {@link IdeaSeed}. */
    String taskName();

    /** The run it belongs to, or {@code null} for events outside a run (a task paused by an operator). */
    String runId();

    /** The hashed user id, or {@code null}. */
    String userHash();

    /** The hashed group id, or {@code null}. */
    String groupHash();

    Instant time();
}
