package io.cascadence.temporal.impl;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
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

    /**
     * Asks for the run to be held before its next stage, wherever it runs: the worker running it asks the workflow
     * every heartbeat ({@link #paused}) and holds the run in its container.
     */
    @SignalMethod(name = "pause")
    void pause();

    /** Asks for a held run to go on. */
    @SignalMethod(name = "resume")
    void resume();

    /** Whether the run has been asked to hold (the last of {@link #pause} and {@link #resume} was a pause). */
    @QueryMethod(name = "paused")
    boolean paused();
}
