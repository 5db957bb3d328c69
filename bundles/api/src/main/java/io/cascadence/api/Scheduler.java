package io.cascadence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs tasks and controls them. There is one {@code Scheduler} service, a facade: every trigger (REST call, shell
 * command, command line, cron fire, webhook, task graph) hands it a {@link RunRequest}, and it passes the request
 * to the scheduler backend that the configuration names ({@code backend}, environment variable
 * {@code CASCADENCE_SCHEDULER}). Every backend runs the task through the same pipeline, so events and records are
 * the same whoever started the run. When the configured backend is not installed, runs are refused with a
 * {@link BackendUnavailableException}, never sent to another backend.
 */
@ProviderType
public interface Scheduler {

    /**
     * Accepts a run and returns at once with its id; the handle's completion gives the result later, or fails
     * with a {@link TaskFailedException} (whose {@link TaskFailedException#status()} says whether the run failed,
     * was cancelled, timed out or was interrupted). When this returns, the run is recorded in the run history.
     *
     * @throws UnknownTaskException when no task has the request's name
     * @throws TaskStateException when the task is paused or disabled
     * @throws BackendUnavailableException when the configured backend is not installed
     * @throws RunRejectedException when as many runs as allowed are running and waiting, or Cascadence is
     *         stopping
     */
    RunHandle submit(RunRequest request);

    /**
     * As {@link #submit(RunRequest)}, but to the named backend whatever {@code backend} configures: the original's
     * {@code ?temporal=true} ({@code task run --temporal}), which sends one run to the Temporal backend. The default
     * accepts only the configured backend's name.
     *
     * @param backend a backend's name ({@code temporal}, {@code cron}, ...)
     * @throws BackendUnavailableException when that backend is not installed, or cannot take runs now
     * @since 1.3
     */
    default RunHandle submit(RunRequest request, String backend) {
        if (backend.equals(backend())) {
            return submit(request);
        }
        throw new BackendUnavailableException(backend, "this scheduler runs every request on '" + backend() + "'");
    }

    /**
     * Runs a task and waits until the run ends. Interrupting the waiting thread stops the waiting, not the run
     * (a {@link CascadenceException} names the run id then).
     *
     * @return the result
     * @throws TaskFailedException when the run did not succeed; it carries the run id, the stage and the status
     * @throws UnknownTaskException, TaskStateException, BackendUnavailableException, RunRejectedException as for
     *         {@link #submit}
     */
    RunResult run(RunRequest request);

    /**
     * Cancels a run that is queued or running: it ends at once as {@link RunRecord#CANCELLED}, the stage in progress
     * is interrupted and no later stage runs. A stage that ignores interruption keeps its thread until it returns
     * (reported on {@code /health}); its result is then discarded.
     *
     * @throws UnknownRunException when there is no run with that id
     * @throws RunStateException when the run has already ended
     */
    void cancel(String runId);

    /**
     * Refuses new runs of the task until {@link #resume}, and holds its runs in progress before their next stage
     * (the original's behaviour), without holding a thread. Like every change of a task's state, it is written to
     * {@code task-states.yml} before this returns, so it outlives a restart.
     *
     * @throws UnknownTaskException when no task has that name
     * @throws StoreUnavailableException when the state cannot be written; the task's state is then unchanged
     */
    void pause(String taskName);

    /**
     * Accepts runs of the task again and lets its held runs go on.
     *
     * @throws UnknownTaskException, StoreUnavailableException as for {@link #pause}
     */
    void resume(String taskName);

    /**
     * Refuses runs of the task until {@link #enable}; runs in progress go on.
     *
     * @throws UnknownTaskException, StoreUnavailableException as for {@link #pause}
     */
    void disable(String taskName);

    /** @throws UnknownTaskException, StoreUnavailableException as for {@link #pause} */
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

    /** The name of the configured backend: {@code base}, {@code cron}, ... (whether or not it is installed). */
    String backend();
}
