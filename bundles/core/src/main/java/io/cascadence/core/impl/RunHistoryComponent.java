package io.cascadence.core.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunHistory;
import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.events.EventSink;
import io.cascadence.core.impl.store.PersistedFile;
import io.cascadence.core.impl.store.RunLog;
import io.cascadence.core.impl.store.RunRecordsJson;
import io.cascadence.core.impl.store.StoreFile;

/**
 * The run history: built from events in memory, restored from and written in batches to {@code runs.json} beside
 * {@code runs_path} (which names the run-history database now), until the run engine takes the history over from
 * it and keeps it in {@link io.cascadence.core.impl.history.RunStore}.
 */
@Component(service = {RunHistory.class, EventSink.class, HealthContributor.class}, immediate = true)
public class RunHistoryComponent implements RunHistory, EventSink, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryComponent.class);

    @Reference
    private CascadenceConfig config;

    private RunLog log;
    private PersistedFile file;

    @Activate
    void activate() {
        Path json = config.runsPath().resolveSibling(RunStoreComponent.LEGACY_FILE);
        file = new PersistedFile(json);
        log = new RunLog(config.runRetention(), file::changed);
        // RunStoreComponent imports runs.json into the database at start and renames it, maybe before this
        // runs: then the same records are read from the renamed file, so this history still survives restarts.
        Path imported = json.resolveSibling(json.getFileName() + ".imported");
        if (!Files.exists(json) && Files.exists(imported)) {
            StoreFile.load(imported, RunRecordsJson::read).content()
                    .ifPresent(records -> records.forEach(log::restore));
        }
        file.open(RunRecordsJson::read, records -> records.forEach(log::restore),
                () -> RunRecordsJson.write(log.snapshot()));
        LOG.info("Run history {}: {} runs restored, keeping the newest {}", json, log.size(),
                config.runRetention());
    }

    @Deactivate
    void deactivate() {
        file.close();
    }

    @Override
    public List<String> warnings() {
        return file.warnings();
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
    public List<RunRecord> query(RunQuery query) {
        return log.query(query);
    }

    @Override
    public List<RunRecord> children(String runId) {
        return log.children(runId);
    }
}
