package io.cascadence.temporal.impl;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** What a run's workflow asks a worker to do, in the container that polls the task queue. */
@ActivityInterface
public interface RunActivities {

    /** The failure type of a run that ended without success: a task's own outcome, never retried. */
    String TASK_FAILED = "TaskFailed";

    /** The failure type of a run the container refused (unknown, paused, disabled, full): not retried either. */
    String REFUSED = "RunRefused";

    /**
     * Runs the task through the pipeline in this container, under the run's id, and answers its result as a JSON
     * value. Heartbeats while the run goes on; a cancelled workflow cancels the run.
     */
    @ActivityMethod(name = "RunTask")
    Object runTask(RunInput input);
}
