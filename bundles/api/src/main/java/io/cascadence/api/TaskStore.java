package io.cascadence.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The TaskStore ({@code tasks.yml}): task classes registered by path, which are registered again whenever their
 * bundle starts, so they survive restarts and plugin updates. A class may be registered under several names, each
 * its own task and its own entry in {@code tasks.yml}.
 */
@ProviderType
public interface TaskStore {

    /**
     * Instantiates the class named by {@code path} with its public no-argument constructor and registers it under
     * {@code name}. The registration is in {@code tasks.yml} before this returns. Registering the same path under
     * the same name again changes nothing but the schedule (when one is given).
     *
     * @param path {@code <bundle symbolic name>:<fully qualified class name>}
     * @param name the name to register it under, or {@code null} for the class's {@link TaskName}
     * @param schedule a five-field cron expression, or {@code null}
     * @return the task as registered
     * @throws InvalidRequestException naming what is wrong: the path's form, a bundle or class that is not there, a
     *         class that is not a task or has no public no-argument constructor, a missing, invalid or taken name,
     *         a malformed schedule
     * @throws StoreUnavailableException when {@code tasks.yml} cannot be written (or could not be read at start);
     *         nothing is registered then
     * @throws CascadenceException when the constructor throws, or the bundle stops meanwhile
     */
    TaskInfo register(String path, String name, String schedule);

    /** What is registered by path, in registration order, with the names in use (where known yet). */
    List<TaskPath> paths();
}
