package io.cascadence.scheduler.impl.cron;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.cascadence.api.schedule.Schedule;

/**
 * A scripted harness, not a test (STYLE 23): 10,000 schedules due in the same minute on the real timer, a no-op
 * target, and the lateness of each hand-over. The clock is offset so that the minute starts three seconds after
 * the schedules are put. Run it with the test classpath: {@code java ... CronEngineLoadBench [count] [expression]},
 * where the expression defaults to two consecutive fixed minutes and "* * * * *" is the slowest to advance.
 */
public final class CronEngineLoadBench {

    private CronEngineLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Instant real = Instant.now();
        Instant minute = real.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5));
        // The engine sees a clock three seconds before the fire minute.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(real, minute.minusSeconds(3)));
        // Two minutes in a row: the first shows a cold JVM, the second one that has fired before.
        int first = minute.atZone(ZoneOffset.UTC).getMinute();
        String expression = args.length > 1 ? args[1] : first + "," + (first + 1) % 60 + " * * * *";
        long[][] lateness = new long[2][count];
        AtomicInteger[] fired = {new AtomicInteger(), new AtomicInteger()};
        CountDownLatch done = new CountDownLatch(2 * count);
        FireTarget target = new FireTarget() {
            @Override
            public CompletionStage<?> fire(Fire fire) {
                int round = fire.due().equals(minute) ? 0 : 1;
                lateness[round][fired[round].getAndIncrement()] = fire.lateness().toNanos();
                done.countDown();
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void skipped(Fire fire, String reason) {
                System.out.println("skipped " + fire + ": " + reason);
            }
        };
        ExecutorService fireExecutor = Executors.newSingleThreadExecutor();
        try (ExecutorTimer timer = new ExecutorTimer(clock, "cascadence-cron")) {
            Timer traced = new Timer() {
                @Override
                public Cancellable schedule(Runnable task, Instant at) {
                    return timer.schedule(() -> {
                        System.out.printf("timer woke %.2f ms after %s%n",
                                Duration.between(at, clock.instant()).toNanos() / 1e6, at);
                        task.run();
                    }, at);
                }

                @Override
                public Cancellable schedule(Runnable task, Duration delay) {
                    return timer.schedule(task, delay);
                }
            };
            CronEngine engine = new CronEngine(clock, traced, fireExecutor, target, EngineSettings.DEFAULTS);
            // Parsing goes through cron-utils and costs about a millisecond: done once, outside what is measured.
            Schedule parsed = Schedule.of("task", expression);
            long putStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                engine.put(new Schedule("task-" + i, parsed.expression(), null, null, null, null));
            }
            System.out.printf("put %d schedules '%s' in %d ms%n", count, expression,
                    (System.nanoTime() - putStart) / 1_000_000);
            engine.start(null, task -> Optional.empty());
            if (!done.await(130, TimeUnit.SECONDS)) {
                System.out.println("only " + fired[0].get() + " + " + fired[1].get() + " fired");
            }
            engine.stop();
        } finally {
            fireExecutor.shutdownNow();
        }
        for (int round = 0; round < 2; round++) {
            long[] sorted = Arrays.copyOf(lateness[round], fired[round].get());
            Arrays.sort(sorted);
            if (sorted.length > 0) {
                System.out.printf("minute %d, %d fires: lateness p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", round + 1,
                        sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                        sorted[sorted.length - 1] / 1e6);
            }
        }
    }
}
