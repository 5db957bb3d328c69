package io.cascadence.core.impl;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.history.HistoryDatabase;
import io.cascadence.core.impl.history.RunStore;
import io.cascadence.core.impl.history.SqlRunStore;
import io.cascadence.core.impl.history.UnavailableRunStore;

/**
 * The run-history database as a service: the embedded SQLite file at {@code runs_path}, or PostgreSQL at
 * {@code history_url}. Activation opens and migrates it and imports an old {@code runs.json} beside
 * {@code runs_path}. When the database cannot be opened it logs one line naming it and serves as an
 * {@link UnavailableRunStore}: runs are refused with that reason and {@code /health} shows it.
 * The history settings are read at start only: a change takes a restart.
 */
@Component(service = {RunStore.class, HealthContributor.class}, immediate = true)
public class RunStoreComponent implements RunStore, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(RunStoreComponent.class);
    /** The file older versions kept the run history in, imported once into the database. */
    static final String LEGACY_FILE = "runs.json";

    @Reference
    private CoreConfig config;

    private RunStore store;

    @Activate
    void activate() {
        long started = System.nanoTime();
        HistoryDatabase database = database(config);
        Path legacy = config.runsPath().resolveSibling(LEGACY_FILE);
        try {
            store = SqlRunStore.open(database, new SqlRunStore.Settings(config.historyPoolSize(),
                    config.runRetention(), legacy));
        } catch (RuntimeException e) {
            // The container stays useful without it: runs are refused with this reason, /health shows it.
            LOG.error("The run history cannot start: {}", e.getMessage());
            store = new UnavailableRunStore(e.getMessage());
            return;
        }
        LOG.info("Run history in {}: keeping the newest {} runs{}, opened in {} ms", database.name(),
                config.runRetention(),
                config.historyUrl().isEmpty() ? ", sync " + (config.historySyncFull() ? "full" : "normal") : "",
                (System.nanoTime() - started) / 1_000_000);
    }

    static HistoryDatabase database(CoreConfig config) {
        if (config.historyUrl().isEmpty()) {
            return HistoryDatabase.sqlite(config.runsPath(), config.historySyncFull());
        }
        return HistoryDatabase.postgres(config.historyUrl(), config.historyUser(), config.historyPassword());
    }

    /** Stops taking saves, commits what waits, then closes the database. */
    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public CompletableFuture<Void> save(Collection<RunRecord> records) {
        return store.save(records);
    }

    @Override
    public void saveLater(RunRecord record) {
        store.saveLater(record);
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return store.find(runId);
    }

    @Override
    public List<RunRecord> query(RunQuery query) {
        return store.query(query);
    }

    @Override
    public Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
        return store.latest(taskNames, userHash);
    }

    @Override
    public List<RunRecord> children(String runId) {
        return store.children(runId);
    }

    @Override
    public int interruptUnfinished(String reason, Instant at) {
        return store.interruptUnfinished(reason, at);
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public List<String> warnings() {
        return store.warnings();
    }

    /** Does nothing: the store is shared by every user of this service and closed when the component stops. */
    @Override
    public void close() {
    }
}
