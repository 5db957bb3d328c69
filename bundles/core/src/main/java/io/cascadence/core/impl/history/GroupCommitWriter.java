package io.cascadence.core.impl.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.cascadence.api.RunRecord;

/**
 * Group commit: one thread takes everything that waits (up to {@link #BATCH_RECORDS} records), hands it to the
 * {@link Target} to write in one transaction, and only then completes the savers' futures. Under load many saves
 * share one commit (and one fsync); a lone save is taken at once, without waiting for company.
 *
 * <p>{@link #saveLater} updates are kept per run id, newest only, and fill what room a batch has left after the
 * saves, so they never hold a save up. A save drops the updates still waiting for its runs, which are older.
 * When a batch of several saves fails, each is tried again alone, so that one bad record fails only its own save.
 * Updates in a failed batch are dropped: they were not promised.
 *
 * <p>The futures are completed on the writer's thread: what a caller chains to them without an executor runs
 * there and holds up the next commit, so it must be short.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** At most this many records per transaction, unless one save alone has more (it is never split). */
    static final int BATCH_RECORDS = 500;

    /** Where batches go. Called on the writer's thread only. */
    interface Target {
        /**
         * Writes in one transaction: first the saves, in order, then the updates of runs not ended.
         *
         * @throws Exception the transaction was rolled back; the message says why
         */
        void write(List<RunRecord> saves, Collection<RunRecord> updates) throws Exception;

        /** Called between batches, to do housekeeping on the writer's thread (retention). */
        void afterBatch(int written);
    }

    private record PendingSave(List<RunRecord> records, CompletableFuture<Void> done) {
    }

    private final Target target;
    private final WriteProblems problems;
    private final ArrayDeque<PendingSave> saves = new ArrayDeque<>();
    private final Map<String, RunRecord> updates = new LinkedHashMap<>();
    private final Thread thread;
    private boolean closed;

    GroupCommitWriter(String name, Target target, WriteProblems problems) {
        this.target = target;
        this.problems = problems;
        this.thread = new Thread(this::loop, "cascadence-history-writer-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    CompletableFuture<Void> save(Collection<RunRecord> records) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<RunRecord> copy = List.copyOf(records);
        synchronized (this) {
            if (closed) {
                done.completeExceptionally(new IllegalStateException("the run history is closed"));
                return done;
            }
            for (RunRecord record : copy) {
                updates.remove(record.runId());
            }
            saves.add(new PendingSave(copy, done));
            notifyAll();
        }
        return done;
    }

    void saveLater(RunRecord record) {
        synchronized (this) {
            if (closed) {
                return;
            }
            updates.remove(record.runId()); // re-inserted last: the order of the map is the order of arrival
            updates.put(record.runId(), record);
            notifyAll();
        }
    }

    /** Writes what waits, then stops the thread. Saves arriving after this fail at once. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<PendingSave> batch = new ArrayList<>();
        List<RunRecord> batchUpdates = new ArrayList<>();
        while (take(batch, batchUpdates)) {
            List<RunRecord> records = new ArrayList<>();
            for (PendingSave save : batch) {
                records.addAll(save.records());
            }
            try {
                target.write(records, batchUpdates);
                problems.succeeded();
                batch.forEach(save -> save.done().complete(null));
            } catch (Exception | LinkageError e) {
                if (batch.size() == 1) {
                    batch.get(0).done().completeExceptionally(problems.failed(records.size(), e));
                } else {
                    writeOneByOne(batch); // so that one bad record fails its own save, not everyone's
                }
            }
            try {
                target.afterBatch(records.size() + batchUpdates.size());
            } catch (RuntimeException e) {
                problems.housekeepingFailed(e); // never let housekeeping stop the writer
            }
            batch.clear();
            batchUpdates.clear();
        }
    }

    private void writeOneByOne(List<PendingSave> batch) {
        for (PendingSave save : batch) {
            try {
                target.write(save.records(), List.of());
                problems.succeeded();
                save.done().complete(null);
            } catch (Exception | LinkageError e) {
                save.done().completeExceptionally(problems.failed(save.records().size(), e));
            }
        }
    }

    /** Waits for work and moves a batch of it out; false once closed with nothing left. */
    private synchronized boolean take(List<PendingSave> batch, List<RunRecord> batchUpdates) {
        while (saves.isEmpty() && updates.isEmpty()) {
            if (closed) {
                return false;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        int size = 0;
        while (!saves.isEmpty() && (size == 0 || size + saves.peek().records().size() <= BATCH_RECORDS)) {
            PendingSave save = saves.poll();
            batch.add(save);
            size += save.records().size();
        }
        for (Iterator<RunRecord> it = updates.values().iterator(); it.hasNext() && size < BATCH_RECORDS; size++) {
            batchUpdates.add(it.next());
            it.remove();
        }
        return true;
    }
}
