package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Marks a task meant to be started by hand ({@code task trigger NAME}). */
@ConsumerType
public interface ManualTrigger extends Task {
}
