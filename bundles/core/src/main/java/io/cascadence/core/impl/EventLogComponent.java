package io.cascadence.core.impl;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.PointerUpdate;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.core.impl.events.EventSink;

/**
 * The log as an event subscriber: one line per finished run, a warning per run that did not succeed, state
 * changes, pointers added.
 */
@Component(service = EventSink.class)
public class EventLogComponent implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger("io.cascadence.runs");

    @Override
    public void accept(CascadenceEvent event) {
        if (event instanceof TaskRunEvent run) {
            long millis = run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli();
            if ("success".equals(run.status())) {
                if (run.parentRunId() == null) {
                    LOG.info("Task '{}' run {} succeeded in {} ms", run.taskName(), run.runId(), millis);
                } else {
                    LOG.debug("Task '{}' run {} succeeded in {} ms", run.taskName(), run.runId(), millis);
                }
            } else if ("error".equals(run.status())) {
                LOG.warn("Task '{}' run {} failed at {} after {} ms: {}", run.taskName(), run.runId(), run.stage(),
                        millis, run.error());
            } else {
                LOG.warn("Task '{}' run {} ended as {} after {} ms: {}", run.taskName(), run.runId(), run.status(),
                        millis, run.error());
            }
        } else if (event instanceof AuditEvent audit && AuditEvent.ERROR.equals(audit.status())) {
            LOG.debug("Task '{}' run {} stage {} failed: {}", audit.taskName(), audit.runId(), audit.stage(),
                    audit.reason());
        } else if (event instanceof StageUpdate update && update.runId() == null) {
            LOG.info("Task '{}' {}", update.taskName(), update.stage());
        } else if (event instanceof PointerUpdate pointer) {
            LOG.info("Task '{}': a pointer to run {} was added", pointer.taskName(), pointer.runId());
        }
    }
}
