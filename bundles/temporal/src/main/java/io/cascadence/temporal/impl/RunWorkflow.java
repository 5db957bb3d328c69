package io.cascadence.temporal.impl;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run of a task as a Temporal workflow; its workflow id is the run id. Its type name, {@value #TYPE}, is what
 * Temporal's UI and {@code tctl} show and what an exported history names.
 */
@WorkflowInterface
public interface RunWorkflow {

    String TYPE = "CascadenceRun";

    /**
     * Runs the task on a worker of the task queue and answers its result (a JSON value).
     *
     * @throws io.temporal.failure.ActivityFailure wrapping an {@link io.temporal.failure.ApplicationFailure} of type
     *         {@value RunActivities#TASK_FAILED} when the run did not succeed
     */
    @WorkflowMethod(name = TYPE)
    Object run(RunInput input);

    /** The run's state as the workflow knows it: {@code queued}, {@code running} or how it ended. */
    @QueryMethod(name = "state")
    String state();
}
