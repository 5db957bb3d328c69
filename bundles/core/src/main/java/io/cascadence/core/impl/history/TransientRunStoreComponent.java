package io.cascadence.core.impl.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;

/** TEMPORARY: not to be committed. */
@Component(service = RunStore.class)
public class TransientRunStoreComponent implements RunStore {
    private final TransientRunStore store = new TransientRunStore();
    public CompletableFuture<Void> save(Collection<RunRecord> records) { return store.save(records); }
    public void saveLater(RunRecord record) { store.saveLater(record); }
    public Optional<RunRecord> find(String runId) { return store.find(runId); }
    public List<RunRecord> query(RunQuery query) { return store.query(query); }
    public List<RunRecord> children(String runId) { return store.children(runId); }
    public int interruptUnfinished(String reason, Instant at) { return store.interruptUnfinished(reason, at); }
    public long count() { return store.count(); }
    public List<String> warnings() { return List.of(); }
    public void close() { store.close(); }
}
