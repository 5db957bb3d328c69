package io.cascadence.scheduler.impl.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Timer} that runs nothing by itself: the test moves time with {@link #advanceTo} (a punctual timer: the
 * clock stops at every task's instant and runs it) or {@link #jump} (the clock leaps, as after a suspend, and then
 * what is due runs, late). Tasks run on the test's thread.
 */
final class ManualTimer implements Timer {

    /** More tasks than this in one move means something re-arms itself without end: the test fails, not hangs. */
    private static final int MAX_RUNS = 1_000_000;

    private record Task(Runnable runnable, Instant at, long sequence) {
    }

    private final SettableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    ManualTimer(SettableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Instant at) {
        Task scheduled = new Task(task, at, sequence++);
        tasks.add(scheduled);
        return () -> cancel(scheduled);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return schedule(task, clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay));
    }

    /** Moves the clock to {@code target}, stopping at each task's instant to run it, as a punctual timer would. */
    void advanceTo(Instant target) {
        for (int runs = 0; runs < MAX_RUNS; runs++) {
            Task next = next(target);
            if (next == null) {
                clock.set(target);
                return;
            }
            if (next.at().isAfter(clock.instant())) {
                clock.set(next.at());
            }
            next.runnable().run();
        }
        throw new AssertionError("the timer kept re-arming itself: more than " + MAX_RUNS + " runs");
    }

    void advance(Duration duration) {
        advanceTo(clock.instant().plus(duration));
    }

    /** Moves the clock by {@code duration} at once, then runs what is due: a timer woken late. */
    void jump(Duration duration) {
        clock.advance(duration);
        advanceTo(clock.instant());
    }

    /** How many tasks wait. */
    synchronized int pending() {
        return tasks.size();
    }

    private synchronized Task next(Instant until) {
        Task first = tasks.stream().min(Comparator.comparing(Task::at).thenComparing(Task::sequence)).orElse(null);
        if (first == null || first.at().isAfter(until)) {
            return null;
        }
        tasks.remove(first);
        return first;
    }

    private synchronized void cancel(Task task) {
        tasks.remove(task);
    }
}
