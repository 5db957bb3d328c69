package io.cascadence.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The TaskStore ({@code tasks.yml}): task classes registered by path, which are registered again whenever their
 * bundle starts, so they survive restarts and plugin updates.
 */
@ProviderType
public interface TaskStore {

    /**
     * Instantiates the class named by {@code path} with its public no-argument constructor and registers it.
     * Registering a path again changes nothing but the schedule.
     *
     * @param path {@code <bundle symbolic name>:<fully qualified class name>}
     * @param name the name to register it under, or {@code null} for the class's {@link TaskName}
     * @param schedule a five-field cron expression, or {@code null}
     * @throws CascadenceException naming what is wrong: the path's form, a bundle or class that is not there, a
     *         class that is not a task or cannot be instantiated, a missing or taken name, a malformed schedule
     */
    TaskInfo register(String path, String name, String schedule);

    /** What is registered by path, in registration order. */
    List<TaskPath> paths();
}
