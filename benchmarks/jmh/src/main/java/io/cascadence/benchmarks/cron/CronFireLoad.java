package io.cascadence.benchmarks.cron;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted harness (STYLE 23), run by {@code benchmarks/cron-fires.sh}:
 *
 * <pre>
 * java -cp benchmarks/jmh/target/benchmarks.jar io.cascadence.benchmarks.cron.CronFireLoad fires [count] [round...]
 * java -cp benchmarks/jmh/target/benchmarks.jar io.cascadence.benchmarks.cron.CronFireLoad restore [count] [repeats]
 * </pre>
 *
 * {@code fires}: in each round, {@code count} tasks (default 10,000) due in the same minute, the next whole minute at
 * least {@link #SETUP_MARGIN} ahead so that setting up is not measured; prints how late each start was against its
 * due time and how many started per second. Rounds are {@code cascadence}, {@code quartz-1} and {@code quartz-N}
 * (Quartz with a trigger acquisition batch of N), by default alternating {@link #DEFAULT_ROUNDS}, and
 * {@code cascadence-traced}, which also reports where the engine's wake-up spends its time; each round has a
 * fresh scheduler and a garbage collection before it. {@code restore}: see {@link RestoreLoad}.
 */
public final class CronFireLoad {

    static final Duration SETUP_MARGIN = Duration.ofSeconds(10);
    static final List<String> DEFAULT_ROUNDS = List.of("cascadence", "quartz-1", "quartz-100", "cascadence",
            "quartz-1", "quartz-100");
    /** Quartz's misfire threshold and the engine's: a start later than this would no longer be on time. */
    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    private CronFireLoad() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "fires";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (mode.equals("restore")) {
            RestoreLoad.run(count, args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else if (mode.equals("fires")) {
            List<String> rounds = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : DEFAULT_ROUNDS;
            fires(count, rounds);
        } else {
            throw new IllegalArgumentException("mode '" + mode + "' is not known: expected fires or restore");
        }
    }

    private static void fires(int count, List<String> rounds) throws Exception {
        System.out.printf("%d tasks due in the same minute; rounds %s; %d cores, Java %s%n", count, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<FireStarts.Summary> summaries = new ArrayList<>();
        for (String name : rounds) {
            System.gc();
            Thread.sleep(500);
            Instant due = Instant.now().plus(SETUP_MARGIN).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            FireStarts starts = new FireStarts(due, count);
            long setup = System.nanoTime();
            try (FireRound round = round(name)) {
                round.arm(count, starts);
                Duration ahead = Duration.between(Instant.now(), due);
                System.out.printf("%-11s set up in %d ms, %.1f s before %s%n", name,
                        (System.nanoTime() - setup) / 1_000_000, ahead.toMillis() / 1e3, due);
                if (ahead.toMillis() < 1_000) {
                    System.out.println("warning: set-up ended less than a second before the due time");
                }
                if (!starts.await(due.plus(GIVE_UP))) {
                    System.out.printf("warning: only some tasks had started %d s after the due time%n",
                            GIVE_UP.toSeconds());
                }
            }
            FireStarts.Summary summary = starts.summary(name);
            summaries.add(summary);
            System.out.println(line(summary));
        }
        System.out.println();
        System.out.println("| round | scheduler | started | lateness p50 | p99 | max | first | starts/s (first to last) "
                + "| starts/s (due to last) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < summaries.size(); i++) {
            FireStarts.Summary s = summaries.get(i);
            System.out.printf(Locale.ROOT, "| %d | %s | %,d%s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %,.0f | %,.0f |%n",
                    i + 1, s.round(), s.started(), notes(s), s.p50Ms(), s.p99Ms(), s.maxMs(), s.firstMs(),
                    s.perSecondFromFirst(), s.perSecondFromDue());
        }
    }

    private static FireRound round(String name) {
        if (name.equals("cascadence") || name.equals("cascadence-traced")) {
            return new CascadenceRound(name.endsWith("-traced"));
        }
        if (name.startsWith("quartz-")) {
            return new QuartzRound(Integer.parseInt(name.substring("quartz-".length())));
        }
        throw new IllegalArgumentException("round '" + name + "' is not known: expected cascadence, "
                + "cascadence-traced or quartz-N, N the trigger acquisition batch");
    }

    private static String line(FireStarts.Summary s) {
        return String.format(Locale.ROOT, "%-11s %,d of %,d started%s: lateness p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                + "(first %.2f ms); %,.0f starts/s first to last, %,.0f due to last", s.round(), s.started(),
                s.expected(), notes(s), s.p50Ms(), s.p99Ms(), s.maxMs(), s.firstMs(), s.perSecondFromFirst(),
                s.perSecondFromDue());
    }

    private static String notes(FireStarts.Summary s) {
        return (s.skipped() > 0 ? " (" + s.skipped() + " skipped)" : "")
                + (s.otherDue() > 0 ? " (" + s.otherDue() + " with another due time)" : "");
    }

    /** Daemon threads named as in the container, so that a stuck round never keeps the JVM up. */
    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(true);
            return thread;
        };
    }
}
