package io.cascadence.core.impl;

import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that register stored task paths in the background. A few of them, so that one slow constructor
 * holds up none of the other registrations; idle ones end, as restoring happens at start and when bundles start.
 */
final class TaskPathRestorer implements AutoCloseable {

    private static final int THREADS = 4;

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "cascadence-task-store-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    TaskPathRestorer() {
        executor.allowCoreThreadTimeOut(true);
    }

    /** @throws java.util.concurrent.RejectedExecutionException once closed */
    Future<?> submit(Runnable restore) {
        return executor.submit(restore);
    }

    /**
     * Stops at once: queued restores are dropped and a constructor in progress is interrupted; whatever it still
     * returns is not registered, as the store is no longer active then.
     */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
