package io.cascadence.core.impl.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;

/**
 * A {@link RunStore} in memory for tests of what uses a store: it commits on a writer thread of its own, as the
 * real one does, keeps every batch it was given, and can be told to fail or to hold its writes.
 */
public final class MemoryRunStore implements RunStore {

    private final Map<String, RunRecord> records = new ConcurrentHashMap<>();
    private final List<List<RunRecord>> batches = new CopyOnWriteArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "memory-run-store-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile CompletableFuture<Void> hold = CompletableFuture.completedFuture(null);

    @Override
    public CompletableFuture<Void> save(Collection<RunRecord> batch) {
        List<RunRecord> copy = List.copyOf(batch);
        CompletableFuture<Void> gate = hold;
        return CompletableFuture.runAsync(() -> {
            gate.join();
            RuntimeException fail = failure.get();
            if (fail != null) {
                throw fail;
            }
            copy.forEach(r -> records.put(r.runId(), r));
            batches.add(copy);
        }, writer);
    }

    @Override
    public void saveLater(RunRecord record) {
        writer.execute(() -> records.put(record.runId(), record));
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return Optional.ofNullable(records.get(runId));
    }

    @Override
    public List<RunRecord> query(RunQuery query) {
        return records.values().stream()
                .filter(r -> query.nested() || r.parentRunId() == null)
                .filter(r -> query.taskName() == null || query.taskName().equals(r.taskName()))
                .filter(r -> query.statuses().isEmpty() || query.statuses().contains(r.status()))
                .filter(r -> query.trigger() == null || query.trigger().equals(r.trigger()))
                .sorted(Comparator.comparing(RunRecord::submittedAt).reversed())
                .skip(query.offset()).limit(query.limit()).toList();
    }

    @Override
    public Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
        Map<String, RunRecord> newest = new java.util.HashMap<>();
        records.values().stream()
                .filter(r -> taskNames.contains(r.taskName()))
                .filter(r -> userHash == null || userHash.equals(r.userHash()))
                .forEach(r -> newest.merge(r.taskName(), r, (a, b) -> NEWEST.compare(a, b) >= 0 ? a : b));
        return Map.copyOf(newest);
    }

    private static final Comparator<RunRecord> NEWEST = Comparator.comparing(RunRecord::submittedAt)
            .thenComparing(RunRecord::runId);

    @Override
    public List<RunRecord> children(String runId) {
        return records.values().stream().filter(r -> runId.equals(r.parentRunId()))
                .sorted(Comparator.comparing(RunRecord::runId)).toList();
    }

    @Override
    public int interruptUnfinished(String reason, Instant at) {
        int ended = 0;
        for (RunRecord r : new ArrayList<>(records.values())) {
            if (!r.ended()) {
                records.put(r.runId(), new RunRecord(r.runId(), r.taskName(), r.parentRunId(), r.trigger(),
                        RunRecord.INTERRUPTED, r.submittedAt(), r.startedAt(), at, r.dueAt(), r.userHash(),
                        r.groupHash(), r.input(), r.result(), reason, r.failedStage(), r.stages()));
                ended++;
            }
        }
        return ended;
    }

    @Override
    public long count() {
        return records.size();
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
        writer.shutdown();
    }

    /** Puts a record in directly, as if an earlier process had stored it. */
    public void put(RunRecord record) {
        records.put(record.runId(), record);
    }

    /** Every batch committed, in commit order. */
    public List<List<RunRecord>> batches() {
        return List.copyOf(batches);
    }

    /** Makes every later write fail with {@code error} (or succeed again with {@code null}). */
    public void failWith(RuntimeException error) {
        failure.set(error);
    }

    /** Holds every later write until the returned future is completed. */
    public CompletableFuture<Void> holdWrites() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        hold = gate;
        return gate;
    }

    public void releaseWrites() {
        hold.complete(null);
        hold = CompletableFuture.completedFuture(null);
    }
}
