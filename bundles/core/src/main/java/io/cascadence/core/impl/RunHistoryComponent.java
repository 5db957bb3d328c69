package io.cascadence.core.impl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.core.impl.events.EventSink;
import io.cascadence.core.impl.store.BatchWriter;
import io.cascadence.core.impl.store.RunLog;
import io.cascadence.core.impl.store.RunRecordsJson;
import io.cascadence.core.impl.store.StoreFile;

/** The run history: built from events in memory, restored from and written in batches to {@code runs.json}. */
@Component(service = {RunHistory.class, EventSink.class, HealthContributor.class}, immediate = true)
public class RunHistoryComponent implements RunHistory, EventSink, HealthContributor {

    static final Duration WRITE_INTERVAL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryComponent.class);

    @Reference
    private CascadenceConfig config;

    private RunLog log;
    private volatile BatchWriter writer;
    private String unreadable;

    @Activate
    void activate() {
        Path file = config.runsPath();
        StoreFile.Loaded<List<RunRecord>> loaded = StoreFile.load(file, RunRecordsJson::read);
        log = new RunLog(config.runRetention(), this::changed);
        loaded.content().ifPresent(records -> records.forEach(log::restore));
        unreadable = loaded.warning(file);
        if (loaded.writable()) {
            writer = new BatchWriter(file, WRITE_INTERVAL, () -> RunRecordsJson.write(log.snapshot()));
        }
        LOG.info("Run history {}: {} runs restored, keeping the newest {}", file,
                loaded.content().map(List::size).orElse(0), config.runRetention());
    }

    private void changed() {
        BatchWriter pending = writer;
        if (pending != null) {
            pending.markDirty();
        }
    }

    @Override
    public List<String> warnings() {
        return StoreWarnings.of(unreadable, writer);
    }

    @Deactivate
    void deactivate() {
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    public void accept(CascadenceEvent event) {
        log.accept(event);
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return log.find(runId);
    }

    @Override
    public List<RunRecord> forTask(String taskName, int offset, int limit) {
        return log.forTask(taskName, offset, limit);
    }

    @Override
    public List<RunRecord> children(String runId) {
        return log.children(runId);
    }
}
