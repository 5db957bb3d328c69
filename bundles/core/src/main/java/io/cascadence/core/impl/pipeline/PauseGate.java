package io.cascadence.core.impl.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where a pipeline waits between stages while it is paused, holding no thread: a future that completes when it is
 * resumed (or fails when the run is ended from outside while it waits).
 */
final class PauseGate {

    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

    private final Executor executor;
    private boolean paused;
    private CompletableFuture<Void> resumed;

    /** @param executor where the stages go on after a resume, never the thread of whoever said resume */
    PauseGate(Executor executor) {
        this.executor = executor;
    }

    synchronized void close() {
        paused = true;
    }

    synchronized boolean closed() {
        return paused;
    }

    void open() {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            paused = false;
            waiting = resumed;
            resumed = null;
        }
        if (waiting != null) {
            executor.execute(() -> waiting.complete(null));
        }
    }

    /** Fails whatever waits at the gate with {@code why}, and opens it. */
    void fail(RuntimeException why) {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            waiting = resumed;
            resumed = null;
            paused = false;
        }
        if (waiting != null) {
            executor.execute(() -> waiting.completeExceptionally(why));
        }
    }

    /** Completed at once while open; otherwise completes when opened. */
    synchronized CompletableFuture<Void> pass() {
        if (!paused) {
            return OPEN;
        }
        if (resumed == null) {
            resumed = new CompletableFuture<>();
        }
        return resumed;
    }
}
