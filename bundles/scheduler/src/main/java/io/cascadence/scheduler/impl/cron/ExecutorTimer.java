package io.cascadence.scheduler.impl.cron;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Timer}: one daemon thread of a {@link ScheduledExecutorService}. The executor measures
 * delays with {@link System#nanoTime()}, which does not follow wall-clock changes and, on Linux, stops while the
 * machine is suspended; so a wait for an instant is cut into steps of at most {@link #MAX_STEP}, each re-reading
 * the clock, and a clock that jumps forward is noticed within that step.
 */
public final class ExecutorTimer implements Timer, AutoCloseable {

    /** The longest the timer waits before it looks at the wall clock again. */
    public static final Duration MAX_STEP = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTimer.class);

    private final Clock clock;
    private final ScheduledExecutorService executor;

    /** @param threadName the name of its thread, as seen in thread dumps */
    public ExecutorTimer(Clock clock, String threadName) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Cancellable schedule(Runnable task, Instant at) {
        Step step = new Step(task, at);
        step.arm();
        return step;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Future<?> future = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread; tasks not started yet do not run. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static Runnable guarded(Runnable task) {
        // An exception would otherwise vanish into the discarded future.
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A timer task failed", e);
            }
        };
    }

    /** One wait for an instant, re-armed step by step until the wall clock reaches it. */
    private final class Step implements Cancellable {

        private final Runnable task;
        private final Instant at;
        private volatile boolean cancelled;
        private volatile Future<?> current;

        Step(Runnable task, Instant at) {
            this.task = guarded(task);
            this.at = at;
        }

        void arm() {
            if (cancelled || executor.isShutdown()) {
                return;
            }
            Duration left = Duration.between(clock.instant(), at);
            if (left.compareTo(MAX_STEP) > 0) {
                current = executor.schedule(this::arm, MAX_STEP.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                current = executor.schedule(this::runUnlessCancelled, Math.max(0, left.toNanos()),
                        TimeUnit.NANOSECONDS);
            }
        }

        private void runUnlessCancelled() {
            if (!cancelled) {
                task.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> future = current;
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}
