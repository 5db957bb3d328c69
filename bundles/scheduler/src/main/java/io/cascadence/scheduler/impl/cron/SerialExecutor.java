package io.cascadence.scheduler.impl.cron;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order given, on another executor. The engine's hand-offs go through it so that
 * fires reach the target in due order and a watermark is only reported after every fire before it, whatever the
 * underlying executor's parallelism. With a direct executor, a task given while one runs (a run that completes at
 * once releasing a queued fire) waits for it instead of running inside it.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        drainLater();
    }

    private void drainLater() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("A cron hand-off failed; the next ones go on", e);
                }
            }
        } finally {
            draining.set(false);
        }
        // A task added between the last poll and the reset would otherwise wait for the next one.
        if (!tasks.isEmpty()) {
            drainLater();
        }
    }
}
