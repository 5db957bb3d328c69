package io.cascadence.benchmarks.cron;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The starts of one round: when each no-op target or job was invoked, as wall-clock nanoseconds after the round's
 * due time. Called from the scheduler's threads; read after {@link #await} (the latch orders the writes before it).
 */
final class FireStarts {

    /** One round's figures; lateness in milliseconds, rates in starts per second. */
    record Summary(String round, int started, int expected, int otherDue, int skipped, double firstMs, double p50Ms,
            double p99Ms, double maxMs, double perSecondFromFirst, double perSecondFromDue) {
    }

    private final Instant due;
    private final long[] afterDue;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger otherDue = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final CountDownLatch all;

    FireStarts(Instant due, int expected) {
        this.due = due;
        this.afterDue = new long[expected];
        this.all = new CountDownLatch(expected);
    }

    Instant due() {
        return due;
    }

    /**
     * @param now read first thing in the target or job
     * @param givenDue the due time the scheduler gave the start; anything but the round's is counted apart (a
     *        misfire would report the time it was re-fired instead)
     */
    void started(Instant now, Instant givenDue) {
        if (!givenDue.equals(due)) {
            otherDue.incrementAndGet();
        }
        int i = started.getAndIncrement();
        if (i < afterDue.length) {
            afterDue[i] = (now.getEpochSecond() - due.getEpochSecond()) * 1_000_000_000L
                    + (now.getNano() - due.getNano());
            all.countDown();
        }
    }

    int startedSoFar() {
        return started.get();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    /** @return whether every expected start came before {@code deadline} */
    boolean await(Instant deadline) throws InterruptedException {
        long left = deadline.toEpochMilli() - System.currentTimeMillis();
        return all.await(Math.max(0, left), TimeUnit.MILLISECONDS);
    }

    Summary summary(String round) {
        int n = Math.min(started.get(), afterDue.length);
        long[] sorted = Arrays.copyOf(afterDue, n);
        Arrays.sort(sorted);
        if (n == 0) {
            return new Summary(round, 0, afterDue.length, otherDue.get(), skipped.get(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long first = sorted[0];
        long last = sorted[n - 1];
        return new Summary(round, n, afterDue.length, otherDue.get(), skipped.get(), ms(first),
                ms(sorted[rank(n, 0.50)]), ms(sorted[rank(n, 0.99)]), ms(last),
                last > first ? n / ((last - first) / 1e9) : Double.POSITIVE_INFINITY,
                last > 0 ? n / (last / 1e9) : Double.POSITIVE_INFINITY);
    }

    /** The nearest-rank percentile's index. */
    private static int rank(int n, double p) {
        return Math.max(0, (int) Math.ceil(p * n) - 1);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
