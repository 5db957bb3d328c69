package io.cascadence.core.impl;

import java.util.Optional;

/** Finds the task object behind a name; the core's view of the registry, not exported. */
public interface TaskResolver {

    Optional<RegisteredTask> resolve(String name);
}
