package io.cascadence.api;

import org.osgi.annotation.versioning.ProviderType;

/** What a task is told about the run it is part of. */
@ProviderType
public interface RunContext {

    /** The id of this run, a random UUID in its canonical text form. */
    String runId();

    /** The name the task is registered under. */
    String taskName();

    /** Who asked for the run; {@link Identity#ANONYMOUS} when nobody said. */
    Identity identity();
}
