package io.cascadence.temporal.impl;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.WorkflowHistories;
import io.cascadence.api.WorkflowHistories.Outcome;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;

/**
 * {@link WorkflowHistories#replay} with Temporal's {@link WorkflowReplayer}, which replays in memory: no Temporal
 * service and no configured backend are needed.
 */
final class HistoryReplay {

    private HistoryReplay() {
    }

    static Outcome replay(String history) {
        WorkflowExecutionHistory parsed = parse(history);
        HistoryEvent first = parsed.getHistory().getEvents(0);
        if (first.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) {
            throw new InvalidRequestException("the history does not start with WorkflowExecutionStarted (it starts "
                    + "with " + first.getEventType() + "): export a workflow's whole history");
        }
        String type = first.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
        if (!WorkflowHistories.RUN_WORKFLOW.equals(type)) {
            throw new InvalidRequestException("the history is of workflow type '" + type + "'; Cascadence replays "
                    + "the histories of its runs, type '" + WorkflowHistories.RUN_WORKFLOW + "'");
        }
        String workflowId = parsed.getWorkflowExecution().getWorkflowId();
        int events = parsed.getHistory().getEventsCount();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HistoryReplay.class.getClassLoader());
        try {
            WorkflowReplayer.replayWorkflowExecution(parsed, RunWorkflowImpl.class);
            return new Outcome(true, workflowId, events, null);
        } catch (Exception e) { // the replayer declares Exception; a non-determinism is a RuntimeException
            return new Outcome(false, workflowId, events, describe(e));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static WorkflowExecutionHistory parse(String history) {
        if (history == null || history.isBlank()) {
            throw new InvalidRequestException("no history: send the JSON Temporal exports, with an events array");
        }
        WorkflowExecutionHistory parsed;
        try {
            parsed = WorkflowExecutionHistory.fromJson(history);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("not a Temporal workflow history: " + describe(e));
        }
        if (parsed.getHistory().getEventsCount() == 0) {
            throw new InvalidRequestException("the history has no events");
        }
        return parsed;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }
}
