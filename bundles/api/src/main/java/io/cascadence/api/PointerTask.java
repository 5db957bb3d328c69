package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a task whose runs can be pointed at by users ({@code /pointers/{task}}): a pointer records that a user
 * (stored only as a hash) has a run of this task.
 */
@ConsumerType
public interface PointerTask extends Task {
}
