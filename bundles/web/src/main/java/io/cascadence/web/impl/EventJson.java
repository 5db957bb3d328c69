package io.cascadence.web.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.IdeaSeed;
import io.cascadence.api.event.PointerUpdate;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskNote;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;

/**
 * An event of the bus as {@code GET /events} sends it: its type ({@code event:} of the stream) and its fields in
 * snake case, times ISO-8601 UTC, identities only as the hashes the event carries. Every field of a type is there,
 * {@code null} when the event has none, so a client reads one shape per type.
 */
final class EventJson {

    static final String STAGE = "stage";
    static final String AUDIT = "audit";
    static final String RUN = "run";
    static final String SPEC = "spec";
    static final String NOTE = "note";
    static final String POINTER = "pointer";
    static final String IDEA = "idea";

    /** Every type, in the order the documentation lists them. */
    static final List<String> TYPES = List.of(STAGE, AUDIT, RUN, SPEC, NOTE, POINTER, IDEA);

    private EventJson() {
    }

    /** The type of an event, or {@code null} for a kind of event this version does not know. */
    static String type(CascadenceEvent event) {
        if (event instanceof StageUpdate) {
            return STAGE;
        } else if (event instanceof AuditEvent) {
            return AUDIT;
        } else if (event instanceof TaskRunEvent) {
            return RUN;
        } else if (event instanceof TaskSpecEvent) {
            return SPEC;
        } else if (event instanceof TaskNote) {
            return NOTE;
        } else if (event instanceof PointerUpdate) {
            return POINTER;
        } else if (event instanceof IdeaSeed) {
            return IDEA;
        }
        return null;
    }

    /** The event's fields, or {@code null} for a kind of event this version does not know. */
    static Map<String, Object> describe(CascadenceEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (event instanceof StageUpdate stage) {
            body.put("task", stage.taskName());
            body.put("run_id", stage.runId());
            body.put("stage", stage.stage());
        } else if (event instanceof AuditEvent audit) {
            body.put("task", audit.taskName());
            body.put("run_id", audit.runId());
            body.put("stage", audit.stage());
            body.put("status", audit.status());
            body.put("reason", audit.reason());
            body.put("output", audit.output());
        } else if (event instanceof TaskRunEvent run) {
            body.put("task", run.taskName());
            body.put("run_id", run.runId());
            body.put("parent_run_id", run.parentRunId());
            body.put("status", run.status());
            body.put("stage", run.stage());
            body.put("error", run.error());
            body.put("result", run.result());
            body.put("started_at", text(run.startedAt()));
            body.put("finished_at", text(run.finishedAt()));
            body.put("duration_ms", run.startedAt() == null || run.finishedAt() == null ? null
                    : run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli());
            body.put("due_at", text(run.dueAt()));
        } else if (event instanceof TaskSpecEvent spec) {
            body.put("task", spec.taskName());
            body.put("run_id", spec.runId());
            body.put("description", spec.description());
        } else if (event instanceof TaskNote note) {
            body.put("task", note.taskName());
            body.put("run_id", note.runId());
            body.put("note", note.note());
        } else if (event instanceof PointerUpdate pointer) {
            body.put("task", pointer.taskName());
            body.put("run_id", pointer.runId());
        } else if (event instanceof IdeaSeed idea) {
            body.put("text", idea.text());
        } else {
            return null;
        }
        body.put("user_hash", event.userHash());
        body.put("group_hash", event.groupHash());
        body.put("time", text(event.time()));
        return body;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
