package io.cascadence.api.spi;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs tasks here, in this container, through the pipeline: the one way any scheduler backend runs a task. The
 * core provides it. It enforces what holds for every run whatever its backend: unknown, paused and disabled tasks
 * are refused; each run is recorded in the run history before {@link #execute} returns; at most the configured
 * number of runs execute at once on a bounded worker pool and at most the configured number wait; a task's
 * timeout and a user's cancellation end a run; a stop of Cascadence ends the runs in progress as interrupted.
 *
 * <p>A backend decides when and where a run happens (now, at a cron fire, on a Temporal worker) and calls this
 * where the task is to run.
 */
@ProviderType
public interface RunExecutor {

    /**
     * Says whether a run of the request's task could start now, without starting one.
     *
     * @throws io.cascadence.api.UnknownTaskException when no task has the request's name
     * @throws io.cascadence.api.TaskStateException when the task is paused or disabled
     */
    void check(RunRequest request);

    /**
     * Accepts a run, records it as queued (durably, before returning) and runs it on a worker as soon as one is
     * free. Never runs a stage on the calling thread.
     *
     * @return the run's id and its completion: the result, or a {@link io.cascadence.api.TaskFailedException}
     * @throws io.cascadence.api.UnknownTaskException when no task has the request's name
     * @throws io.cascadence.api.TaskStateException when the task is paused or disabled
     * @throws io.cascadence.api.RunRejectedException when the worker pool and its queue are full, or Cascadence is
     *         stopping
     * @throws io.cascadence.api.InvalidRequestException when the request's run id is in use
     */
    RunHandle execute(RunRequest request);
}
