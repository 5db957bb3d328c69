package io.cascadence.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The tasks currently contributed by installed plugins. It changes as plugins come and go. */
@ProviderType
public interface TaskRegistry {

    /** All registered tasks, ordered by name. */
    List<TaskInfo> tasks();

    /** The task registered under {@code name}, if any. */
    Optional<TaskInfo> task(String name);
}
