package io.cascadence.temporal.impl;

import io.cascadence.api.RunRecord;
import io.cascadence.api.TaskFailedException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * A run's failure as the core reports one (stage, status, reason), from its workflow's failure: what the caller of a
 * run through Temporal gets, what the workflow keeps as its state, and what a history says.
 */
final class RunFailures {

    private RunFailures() {
    }

    static TaskFailedException of(String taskName, String runId, Throwable error) {
        Throwable cause = error instanceof WorkflowFailedException failed ? failed.getCause() : error;
        if (cause instanceof ActivityFailure activity) {
            cause = activity.getCause();
        }
        if (cause instanceof ApplicationFailure application) {
            String stage = null;
            String status = RunRecord.ERROR;
            if (RunActivities.TASK_FAILED.equals(application.getType()) && application.getDetails().getSize() >= 2) {
                stage = application.getDetails().get(0, String.class, String.class);
                status = application.getDetails().get(1, String.class, String.class);
            }
            return new TaskFailedException(taskName, runId, stage, status, application.getOriginalMessage(), null);
        }
        if (cause instanceof CanceledFailure) {
            return new TaskFailedException(taskName, runId, null, RunRecord.CANCELLED, "the workflow was cancelled",
                    null);
        }
        if (cause instanceof TimeoutFailure) {
            return new TaskFailedException(taskName, runId, null, RunRecord.INTERRUPTED, "the worker of every "
                    + "attempt was lost (no heartbeat for " + RunWorkflowImpl.HEARTBEAT_TIMEOUT.toSeconds() + " s)",
                    null);
        }
        return new TaskFailedException(taskName, runId, null, RunRecord.ERROR,
                cause == null ? String.valueOf(error) : cause.getMessage(), null);
    }
}
