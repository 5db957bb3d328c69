package io.cascadence.temporal.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /** The workflow id a parsed history is given, since an exported one does not carry its own. */
    private static final String UNNAMED = "replayed-history";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        // An exported history does not name its workflow: the id is only known when the text says it.
        String workflowId = parsed.getWorkflowExecution().getWorkflowId();
        workflowId = UNNAMED.equals(workflowId) ? null : workflowId;
        int events = parsed.getHistory().getEventsCount();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HistoryReplay.class.getClassLoader());
        try {
            WorkflowReplayer.replayWorkflowExecution(parsed, RunWorkflowImpl.class);
            return new Outcome(true, workflowId, events, null);
        } catch (Exception e) { // the replayer declares Exception; a non-determinism is a RuntimeException
            String problem = describe(e);
            // The replayer reports some differences only as a failed query about its placeholder workflow.
            return new Outcome(false, workflowId, events, problem.startsWith("query failure for workflow_id")
                    ? "this code does not make the decisions the history records (Temporal's replayer names no event)"
                    : problem);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static WorkflowExecutionHistory parse(String history) {
        if (history == null || history.isBlank()) {
            throw new InvalidRequestException("no history: send the JSON Temporal exports, with an events array");
        }
        JsonNode json;
        try {
            json = JSON.readTree(history);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("not a Temporal workflow history: not JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode events = json.path("events");
        if (!events.isArray()) {
            throw new InvalidRequestException("not a Temporal workflow history: a JSON " + json.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT) + " without an \"events\" array");
        }
        if (events.isEmpty()) {
            throw new InvalidRequestException("the history has no events");
        }
        try {
            return WorkflowExecutionHistory.fromJson(history, UNNAMED);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("not a Temporal workflow history: " + describe(e));
        }
    }

    /** The innermost message of an error's causes: the SDK wraps the difference it found in messages of its own. */
    private static String describe(Throwable e) {
        String message = null;
        Throwable named = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
                named = cause;
            }
        }
        return message == null ? named.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }
}
