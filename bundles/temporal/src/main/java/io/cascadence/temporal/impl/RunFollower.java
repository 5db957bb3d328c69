package io.cascadence.temporal.impl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Scheduler;
import io.temporal.client.WorkflowClient;

/**
 * Keeps one run in progress here and its workflow in step, off the activity's thread, whose heartbeats must never
 * wait for the service: holds or releases the run as its workflow was asked to ({@link RunWorkflow#pause}, from any
 * installation), read from the workflow's history, which needs no worker; and tells the workflow the stage in
 * progress when it has changed ({@link RunWorkflow#stageStarted}). One check at a time per run.
 */
final class RunFollower {

    private static final Logger LOG = LoggerFactory.getLogger(RunFollower.class);

    private final WorkflowClient client;
    private final String workflowId;
    private final String taskName;
    private final String runId;
    private final Scheduler scheduler;
    private final Function<String, String> stageOf;
    private final Executor executor;
    private CompletableFuture<Void> check = CompletableFuture.completedFuture(null);
    private boolean held;
    private String reported;

    /**
     * @param runId the run's id here ({@code RUNID@N} for a later attempt)
     * @param stageOf the stage in progress of a run in progress here, by run id, or {@code null}
     */
    RunFollower(WorkflowClient client, String workflowId, String taskName, String runId, Scheduler scheduler,
            Function<String, String> stageOf, Executor executor) {
        this.client = client;
        this.workflowId = workflowId;
        this.taskName = taskName;
        this.runId = runId;
        this.scheduler = scheduler;
        this.stageOf = stageOf;
        this.executor = executor;
    }

    /** Starts a check, unless the last one is still going. */
    void check() {
        if (check.isDone()) {
            check = CompletableFuture.runAsync(() -> {
                follow();
                report();
            }, executor);
        }
    }

    private void follow() {
        boolean wanted;
        try {
            wanted = WorkflowRuns.describe(workflowId, client.fetchHistory(workflowId).getEvents())
                    .map(RunState::paused).orElse(held);
        } catch (RuntimeException e) {
            LOG.debug("Run {}: could not read whether its workflow asks it to hold: {}", runId, e.toString());
            return;
        }
        if (wanted == held) {
            return;
        }
        try {
            if (wanted) {
                scheduler.pauseRun(taskName, runId);
            } else {
                scheduler.resumeRun(taskName, runId);
            }
            held = wanted;
        } catch (CascadenceException e) {
            LOG.debug("Run {}: {}", runId, e.getMessage());
        }
    }

    private void report() {
        String stage = stageOf.apply(runId);
        if (stage == null || stage.equals(reported)) {
            return;
        }
        try {
            client.newWorkflowStub(RunWorkflow.class, workflowId).stageStarted(stage);
            reported = stage;
        } catch (RuntimeException e) {
            LOG.debug("Run {}: could not report stage {} to its workflow: {}", runId, stage, e.toString());
        }
    }
}
