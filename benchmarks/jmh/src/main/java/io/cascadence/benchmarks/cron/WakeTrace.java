package io.cascadence.benchmarks.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.cascadence.scheduler.impl.cron.Timer;

/**
 * For the {@code cascadence-traced} round, which finds where a wake-up's time goes: a {@link Timer} that notes when
 * the engine's wake-up for the due time began and ended, and a watermark consumer that notes when the watermark
 * first passed the due time and how many starts were still to come then (it is told on the fire thread, in order
 * with the fires, so any is a watermark ahead of a fire).
 */
final class WakeTrace {

    private final FireStarts starts;
    private final int count;
    private final AtomicInteger pendingAtWatermark = new AtomicInteger(-1);
    private volatile Instant woke;
    private volatile Instant wakeEnded;
    private volatile Instant watermarkPassed;

    WakeTrace(FireStarts starts, int count) {
        this.starts = starts;
        this.count = count;
    }

    Timer wrap(Timer timer) {
        return new Timer() {
            @Override
            public Cancellable schedule(Runnable task, Instant at) {
                if (!at.equals(starts.due())) {
                    return timer.schedule(task, at);
                }
                return timer.schedule(() -> {
                    woke = Instant.now();
                    task.run();
                    wakeEnded = Instant.now();
                }, at);
            }

            @Override
            public Cancellable schedule(Runnable task, Duration delay) {
                return timer.schedule(task, delay);
            }
        };
    }

    void watermark(Instant handedUpTo) {
        if (!handedUpTo.isBefore(starts.due()) && watermarkPassed == null) {
            watermarkPassed = Instant.now();
            pendingAtWatermark.set(count - starts.startedSoFar());
        }
    }

    /** Whether the wake-up for the due time has returned. */
    boolean wakeDone() {
        return wakeEnded != null;
    }

    String report() {
        return String.format(Locale.ROOT, "  trace: timer woke at %s ms, wake-up returned at %s ms, watermark past "
                + "the due time at %s ms with %d starts still to come", ms(woke), ms(wakeEnded), ms(watermarkPassed),
                pendingAtWatermark.get());
    }

    private String ms(Instant at) {
        return at == null ? "-" : String.format(Locale.ROOT, "%.2f", Duration.between(starts.due(), at).toNanos() / 1e6);
    }
}
