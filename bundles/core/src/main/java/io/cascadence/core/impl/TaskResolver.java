package io.cascadence.core.impl;

import java.util.Optional;

import io.cascadence.core.impl.pipeline.TaskStates;

/** Finds the task object behind a name; the core's view of the registry, not exported. */
public interface TaskResolver {

    Optional<RegisteredTask> resolve(String name);

    /** The paused and disabled states of the tasks, which the registry reports and the scheduler enforces. */
    TaskStates states();
}
