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
    /** The signals' names, as histories record them. */
    String STAGE_STARTED = "stage_started";
    String PAUSE = "pause";
    String RESUME = "resume";

    /**
     * Runs the task on a worker of the task queue and answers its result (a JSON value).
     *
     * @throws io.temporal.failure.ActivityFailure wrapping an {@link io.temporal.failure.ApplicationFailure} of type
     *         {@value RunActivities#TASK_FAILED} when the run did not succeed
     */
    @WorkflowMethod(name = TYPE)
    Object run(RunInput input);

    /**
     * The run's status as the workflow knows it, in a run record's words: {@code queued}, then {@code running} once
     * it has handed the run to a worker, then how it ended ({@code success}, {@code error}, {@code cancelled},
     * {@code timed_out}, or {@code interrupted} when every attempt's worker was lost).
     */
    @QueryMethod(name = "state")
    String state();

    /**
     * The stage in progress as the worker running the run last reported it ({@link #stageStarted}), the stage that
     * failed once it failed, or {@code null} when none is known (a run that ended before its first report).
     */
    @QueryMethod(name = "stage")
    String stage();

    /** The run as the workflow knows it: its task, trigger, {@link #state} and {@link #stage}. */
    @QueryMethod(name = "run")
    RunState describe();

    /**
     * The worker running the run reports the stage now in progress; it does so at its heartbeats (every few
     * seconds), when the stage has changed since its last report.
     */
    @SignalMethod(name = STAGE_STARTED)
    void stageStarted(String stage);

    /**
     * Asks for the run to be held before its next stage, wherever it runs: the worker running it asks the workflow
     * every heartbeat ({@link #paused}) and holds the run in its container.
     */
    @SignalMethod(name = PAUSE)
    void pause();

    /** Asks for a held run to go on. */
    @SignalMethod(name = RESUME)
    void resume();

    /** Whether the run has been asked to hold (the last of {@link #pause} and {@link #resume} was a pause). */
    @QueryMethod(name = "paused")
    boolean paused();
}
