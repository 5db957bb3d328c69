package io.cascadence.temporal.impl;

import java.util.List;
import java.util.Optional;

import io.cascadence.api.RunRecord;
import io.cascadence.api.TaskFailedException;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.common.converter.DataConverter;

/**
 * A run as its workflow's history tells it: what {@link RunWorkflow#describe} answers, read from the events instead
 * of asked of a worker, so that it needs no worker (a query goes to the worker that last ran the workflow, which
 * may be the one that was lost) and answers for a closed workflow at once.
 */
final class WorkflowRuns {

    private static final DataConverter CONVERTER = DataConverter.getDefaultInstance();

    private WorkflowRuns() {
    }

    /**
     * @param runId the workflow's id
     * @param events its history, oldest first
     * @return the run, or empty when the history is not that of a run workflow
     */
    static Optional<RunState> describe(String runId, List<HistoryEvent> events) {
        if (events.isEmpty() || !events.get(0).hasWorkflowExecutionStartedEventAttributes()) {
            return Optional.empty();
        }
        WorkflowExecutionStartedEventAttributes started = events.get(0).getWorkflowExecutionStartedEventAttributes();
        if (!RunWorkflow.TYPE.equals(started.getWorkflowType().getName())) {
            return Optional.empty();
        }
        RunInput input = CONVERTER.fromPayloads(0, Optional.of(started.getInput()), RunInput.class, RunInput.class);
        String status = RunRecord.QUEUED;
        String stage = null;
        boolean paused = false;
        for (HistoryEvent event : events) {
            switch (event.getEventType()) {
                case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> status = RunRecord.RUNNING;
                case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
                    WorkflowExecutionSignaledEventAttributes signal = event.getWorkflowExecutionSignaledEventAttributes();
                    switch (signal.getSignalName()) {
                        case RunWorkflow.STAGE_STARTED -> stage = RunRecord.RUNNING.equals(status)
                                ? text(signal.getInput()) : stage;
                        case RunWorkflow.PAUSE -> paused = true;
                        case RunWorkflow.RESUME -> paused = false;
                        default -> { }
                    }
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> {
                    status = RunRecord.SUCCESS;
                    stage = null;
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> {
                    TaskFailedException failed = RunFailures.of(input.taskName(), runId, CONVERTER.failureToException(
                            event.getWorkflowExecutionFailedEventAttributes().getFailure()));
                    status = failed.status();
                    stage = failed.stage();
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED ->
                        status = RunRecord.CANCELLED;
                case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> status = RunRecord.TIMED_OUT;
                default -> { }
            }
        }
        return Optional.of(new RunState(runId, input.taskName(), input.triggerName(), status, stage, paused));
    }

    private static String text(Payloads payloads) {
        return payloads.getPayloadsCount() == 0 ? null
                : CONVERTER.fromPayloads(0, Optional.of(payloads), String.class, String.class);
    }
}
