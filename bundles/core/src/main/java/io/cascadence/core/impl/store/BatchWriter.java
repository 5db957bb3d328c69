package io.cascadence.core.impl.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists an in-memory store in batches: changes only mark it dirty, and a thread of its own writes a snapshot
 * atomically at most once per interval. However many events arrive, the disk sees one write per interval, which
 * is what lets persistence keep up with thousands of runs a second. Closing writes what is still pending.
 */
public final class BatchWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final Path file;
    private final Supplier<byte[]> snapshot;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final Object writing = new Object();
    private volatile String problem;

    public BatchWriter(Path file, Duration interval, Supplier<byte[]> snapshot) {
        this.file = file;
        this.snapshot = snapshot;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cascadence-store-" + file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void markDirty() {
        if (!dirty.get()) { // a read first keeps the flag's cache line shared while it stays set
            dirty.set(true);
        }
    }

    /** Writes now if anything changed since the last write. */
    public void flush() {
        synchronized (writing) {
            if (!dirty.getAndSet(false)) {
                return;
            }
            try {
                AtomicFiles.write(file, snapshot.get());
                if (problem != null) {
                    LOG.info("{} is written again", file);
                    problem = null;
                }
            } catch (IOException | RuntimeException e) {
                dirty.set(true);
                String message = "cannot write " + file + ": "
                        + (e instanceof IOException io ? IoProblems.describe(io) : e.getMessage());
                if (!message.equals(problem)) {
                    LOG.error("Store problem: {}; will retry", message, e);
                }
                problem = message;
            }
        }
    }

    /** The last write's failure, or {@code null} when the file is up to date or being kept up to date. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        timer.shutdown(); // not shutdownNow: interrupting a write in progress would fail it for nothing
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
