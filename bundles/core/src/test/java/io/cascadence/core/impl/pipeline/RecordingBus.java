package io.cascadence.core.impl.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;

/** An event bus that keeps every event published, with look-ups for what the tests check. */
public final class RecordingBus implements EventBus {

    private final List<CascadenceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(CascadenceEvent event) {
        events.add(event);
    }

    public List<CascadenceEvent> all() {
        return List.copyOf(events);
    }

    public <T> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The stages named by the stage updates of one run, in order. */
    public List<String> stageUpdates(String runId) {
        return ofType(StageUpdate.class).stream().filter(e -> runId.equals(e.runId())).map(StageUpdate::stage)
                .toList();
    }

    /** The audit events of one stage of one run, in order. */
    public List<AuditEvent> audits(String runId, String stage) {
        return ofType(AuditEvent.class).stream().filter(e -> runId.equals(e.runId()) && stage.equals(e.stage()))
                .toList();
    }

    /** The audit statuses of one stage of one run, in order. */
    public List<String> auditStatuses(String runId, String stage) {
        return audits(runId, stage).stream().map(AuditEvent::status).toList();
    }

    public List<TaskRunEvent> runEvents(String runId) {
        return ofType(TaskRunEvent.class).stream().filter(e -> runId.equals(e.runId())).toList();
    }

    public void clear() {
        events.clear();
    }
}
