package io.cascadence.benchmarks.cron;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.cascadence.scheduler.impl.book.ScheduleBook;
import io.cascadence.scheduler.impl.book.ScheduleFile;
import io.cascadence.scheduler.impl.cron.CronEngine;
import io.cascadence.scheduler.impl.cron.EngineSettings;
import io.cascadence.scheduler.impl.cron.ExecutorTimer;
import io.cascadence.scheduler.impl.cron.FireTarget;

/**
 * The time to restore {@code count} schedules at start: {@code schedules.yml} read by a new {@link ScheduleBook},
 * every schedule put into a new {@link CronEngine}, and {@code start} with a watermark ten seconds old (a quick
 * restart: each schedule's missed fires since then are looked for, and a few are due). The history lookup the
 * container makes per schedule at that point ({@code lastDueOf}) answers "none" here. The first restore in the JVM
 * is cold, the {@code repeats} after it warm.
 */
final class RestoreLoad {

    private static final FireTarget NO_OP = new FireTarget() {
        @Override
        public CompletionStage<?> fire(Fire fire) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void skipped(Fire fire, String reason) {
        }
    };

    private RestoreLoad() {
    }

    static void run(int count, int repeats) throws IOException {
        Path dir = Files.createTempDirectory("cascadence-restore");
        Path file = dir.resolve("schedules.yml");
        try {
            Files.writeString(file, ScheduleYaml.of(count));
            System.out.printf("%s: %,d entries, %,d bytes, %d distinct expressions%n", file, count, Files.size(file),
                    ScheduleYaml.distinctExpressions(count));
            double[] warm = new double[repeats];
            for (int i = 0; i <= repeats; i++) {
                double ms = restore(file, count, i == 0 ? "cold" : "warm " + i);
                if (i > 0) {
                    warm[i - 1] = ms;
                }
            }
            Arrays.sort(warm);
            if (repeats > 0) {
                System.out.printf(Locale.ROOT, "warm: median %.1f ms, min %.1f ms, max %.1f ms%n",
                        warm[(repeats - 1) / 2], warm[0], warm[repeats - 1]);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** @return the whole restore, in milliseconds */
    private static double restore(Path file, int count, String label) {
        Clock clock = Clock.systemUTC();
        AtomicReference<Instant> handedUpTo = new AtomicReference<>();
        long start = System.nanoTime();
        ScheduleBook book = new ScheduleBook(new ScheduleFile(file, () -> ""));
        List<String> problems = book.load();
        long loaded = System.nanoTime();
        ExecutorTimer timer = new ExecutorTimer(clock, "cascadence-cron-timer");
        ExecutorService fireThread = Executors.newSingleThreadExecutor(CronFireLoad.daemon("cascadence-cron-fire"));
        CronEngine engine = new CronEngine(clock, timer, fireThread, NO_OP, EngineSettings.DEFAULTS,
                handedUpTo::set);
        int put = 0;
        for (String task : book.scheduledTasks()) {
            engine.put(book.effective(task).orElseThrow());
            put++;
        }
        long filled = System.nanoTime();
        engine.start(clock.instant().minus(Duration.ofSeconds(10)), task -> Optional.empty());
        long started = System.nanoTime();
        engine.stop();
        timer.close();
        fireThread.shutdownNow();
        if (!problems.isEmpty() || put != count) {
            throw new IllegalStateException(put + " of " + count + " schedules restored; problems: " + problems);
        }
        double total = (started - start) / 1e6;
        System.out.printf(Locale.ROOT, "%-7s restore %.1f ms: load %.1f ms, put %.1f ms, start %.1f ms%n", label,
                total, (loaded - start) / 1e6, (filled - loaded) / 1e6, (started - filled) / 1e6);
        return total;
    }
}
