package io.cascadence.temporal.impl;

import java.time.Duration;

import io.cascadence.api.RunRecord;
import io.cascadence.api.TaskFailedException;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;

/**
 * The workflow of one run: one activity that runs the task's pipeline on whichever worker of the task queue takes
 * it, checkpointing each stage in its heartbeat details, so that an attempt after a lost worker goes on at the next
 * stage. One activity rather than one per stage: a stage's result may be any object (a plan's sub-tasks are
 * {@code Task}s), which only the container that made it can use, and a run keeps one worker slot and one record
 * from its intake to its verify. Its code must stay deterministic (Temporal replays it from its history): no
 * clocks, no randomness, no I/O here.
 */
public class RunWorkflowImpl implements RunWorkflow {

    /** How long a worker may go without a heartbeat before Temporal gives its activity to another worker. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
    /** An activity has to have a limit; the task's own timeout is enforced by the container that runs it. */
    static final Duration RUN_LIMIT = Duration.ofDays(366);

    private RunInput input;
    private String state = RunRecord.QUEUED;
    private String stage;
    private boolean paused;

    @Override
    public Object run(RunInput given) {
        // A workflow started with Temporal's tools may give no run id: the run takes the workflow's.
        RunInput input = given.runId() == null ? given.withRunId(Workflow.getInfo().getWorkflowId()) : given;
        this.input = input;
        RunActivities activities = Workflow.newActivityStub(RunActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(RUN_LIMIT)
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setMaximumAttempts(Math.max(1, input.attempts()))
                        .setDoNotRetry(RunActivities.TASK_FAILED, RunActivities.REFUSED)
                        .build())
                .build());
        state = RunRecord.RUNNING;
        try {
            Object result = activities.runTask(input);
            state = RunRecord.SUCCESS;
            stage = null;
            return result;
        } catch (ActivityFailure e) {
            ended(e);
            if (RunRecord.CANCELLED.equals(state)) {
                // Whether the workflow's cancellation or the run's own reached it first: a workflow that was asked
                // to cancel ends cancelled (Temporal takes a CanceledFailure then), one that was not fails with it.
                throw new CanceledFailure("the run was cancelled" + (stage == null ? "" : " in its stage " + stage));
            }
            throw e;
        } catch (CanceledFailure e) {
            state = RunRecord.CANCELLED;
            throw e;
        }
    }

    /** The run's status and failed stage from how its activity failed. */
    private void ended(ActivityFailure failure) {
        TaskFailedException failed = RunFailures.of(input.taskName(), Workflow.getInfo().getWorkflowId(), failure);
        state = failed.status();
        stage = failed.stage();
    }

    @Override
    public String state() {
        return state;
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public RunState describe() {
        return new RunState(Workflow.getInfo().getWorkflowId(), input == null ? null : input.taskName(),
                input == null ? null : input.triggerName(), state, stage, paused);
    }

    @Override
    public void stageStarted(String stage) {
        if (RunRecord.RUNNING.equals(state)) {
            this.stage = stage;
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean paused() {
        return paused;
    }
}
