package io.cascadence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs tasks. Every trigger (REST call, shell command, command line, cron fire, webhook) ends in
 * {@link #run(String, Identity)} on the active scheduler backend; there is no other way to run a task.
 */
@ProviderType
public interface Scheduler {

    /**
     * Runs the task registered under {@code taskName} now, on the calling thread, and returns its result.
     *
     * @throws UnknownTaskException when no task has that name
     * @throws TaskFailedException when the task threw; it carries the run id
     */
    RunResult run(String taskName, Identity identity);

    /** The name of this backend as configured: {@code base}, {@code cron}, ... */
    String backend();
}
