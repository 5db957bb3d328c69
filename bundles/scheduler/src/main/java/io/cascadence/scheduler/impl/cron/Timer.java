package io.cascadence.scheduler.impl.cron;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs a task once at a wall-clock instant. The {@link CronEngine} keeps one armed, for its earliest fire;
 * production uses {@link ExecutorTimer}, tests a manual timer driven by a settable clock.
 */
public interface Timer {

    /**
     * Runs {@code task} once, at {@code at} or as soon as possible after it; an instant in the past runs it at once
     * (asynchronously). Tasks never run concurrently with each other.
     *
     * @return a handle that stops the task from running if it has not started yet
     */
    Cancellable schedule(Runnable task, Instant at);

    /** Runs {@code task} once, {@code delay} from now (a negative delay is zero). */
    Cancellable schedule(Runnable task, Duration delay);

    /** Stops a scheduled task. */
    @FunctionalInterface
    interface Cancellable {

        /** The task will not run, unless it has already started; cancelling twice is harmless. */
        void cancel();
    }
}
