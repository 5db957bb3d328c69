package io.cascadence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs tasks and controls them. Every trigger (REST call, shell command, command line, cron fire, webhook) ends in
 * {@link #run} or {@link #runAsync} on the active scheduler backend; there is no other way to run a task.
 */
@ProviderType
public interface Scheduler {

    /**
     * Runs the task registered under {@code taskName} through its pipeline and waits for the result.
     *
     * @throws UnknownTaskException when no task has that name
     * @throws TaskStateException when the task is paused or disabled
     * @throws TaskFailedException when a stage failed; it carries the run id and the stage
     */
    RunResult run(String taskName, Identity identity);

    /**
     * Starts the task's pipeline and returns at once with the run's id; the handle's completion gives the result
     * later, or a {@link TaskFailedException}. Unknown, paused and disabled tasks are refused by throwing, as
     * {@link #run}.
     */
    RunHandle runAsync(String taskName, Identity identity);

    /** Refuses new runs of the task until {@link #resume}; runs in progress go on. */
    void pause(String taskName);

    void resume(String taskName);

    /** Refuses runs of the task until {@link #enable}. */
    void disable(String taskName);

    void enable(String taskName);

    /**
     * Holds a run of the task in progress before its next stage, without holding a thread, until
     * {@link #resumeRun}.
     *
     * @throws UnknownTaskException when no task has that name
     * @throws UnknownRunException when no run of that task with that id is in progress
     */
    void pauseRun(String taskName, String runId);

    void resumeRun(String taskName, String runId);

    /** The name of this backend as configured: {@code base}, {@code cron}, ... */
    String backend();
}
