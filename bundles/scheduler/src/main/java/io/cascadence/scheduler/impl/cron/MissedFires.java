package io.cascadence.scheduler.impl.cron;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cascadence.api.schedule.Schedule;
import io.cascadence.scheduler.impl.cron.FireDispatcher.Step;
import io.cascadence.scheduler.impl.cron.FireTarget.Kind;

/**
 * The fire times of one schedule that were missed in an interval, and what its misfire policy makes of them.
 * Counting is bounded: a minutely schedule stopped for a year has half a million missed fires, and enumerating them
 * would hold the timer thread for a minute; past {@link #COUNT_LIMIT} the count is "more than" and the latest time
 * is found by looking back from the end of the interval.
 *
 * @param kept the oldest missed times, as many as were asked for
 * @param count how many were counted
 * @param countCapped whether there were more than {@code count}
 * @param first the oldest, or {@code null} when none was missed
 * @param last the latest, or {@code null} when none was missed
 */
record MissedFires(List<Instant> kept, int count, boolean countCapped, Instant first, Instant last) {

    /** How many missed fires are counted beyond those kept. */
    static final int COUNT_LIMIT = 1000;

    /** Windows looked back through, growing, to find the latest fire time: two minutes up to nine years. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(2), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(32), Duration.ofDays(400), Duration.ofDays(9 * 366));

    /**
     * The fire times of {@code schedule} strictly after {@code after} up to and including {@code until}.
     *
     * @param keep how many of the oldest to keep in {@link #kept}
     */
    static MissedFires between(Schedule schedule, ZoneId zone, Instant after, Instant until, int keep) {
        List<Instant> kept = new ArrayList<>();
        int count = 0;
        Instant first = null;
        Instant cursor = after;
        while (count < keep + COUNT_LIMIT) {
            Optional<Instant> next = schedule.nextAfter(cursor, zone);
            if (next.isEmpty() || next.get().isAfter(until)) {
                return new MissedFires(kept, count, false, first, count == 0 ? null : cursor);
            }
            cursor = next.get();
            first = first == null ? cursor : first;
            if (count < keep) {
                kept.add(cursor);
            }
            count++;
        }
        boolean more = schedule.nextAfter(cursor, zone).filter(next -> !next.isAfter(until)).isPresent();
        return new MissedFires(kept, count, more, first, more ? latest(schedule, zone, cursor, until) : cursor);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * What {@code schedule}'s misfire policy makes of these: {@code skip} one skip report, {@code run_once} one
     * catch-up due at the latest, {@code run_all} a catch-up per kept time, oldest first, and a skip report for the
     * rest.
     */
    List<Step> steps(OverlapGate gate, Schedule schedule, int maxCatchUp) {
        if (isEmpty()) {
            return List.of();
        }
        return switch (schedule.misfire()) {
            case SKIP -> List.of(Step.skip(gate, schedule, last, "missed " + describe(count, countCapped, first, last)
                    + "; misfire policy skip does not run them"));
            case RUN_ONCE -> List.of(Step.fire(gate, schedule, last, Kind.CATCH_UP));
            case RUN_ALL -> runAll(gate, schedule, maxCatchUp);
        };
    }

    private List<Step> runAll(OverlapGate gate, Schedule schedule, int maxCatchUp) {
        List<Step> steps = new ArrayList<>();
        for (Instant due : kept.subList(0, Math.min(kept.size(), maxCatchUp))) {
            steps.add(Step.fire(gate, schedule, due, Kind.CATCH_UP));
        }
        int rest = count - steps.size();
        if (rest > 0 || countCapped) {
            Instant lastRun = steps.get(steps.size() - 1).due();
            steps.add(Step.skip(gate, schedule, last, "missed " + (countCapped ? "more than " : "") + rest
                    + " further fires due after " + lastRun + " up to " + last + ": misfire policy run_all catches "
                    + "up at most " + maxCatchUp + " (max catch-up)"));
        }
        return steps;
    }

    private static String describe(int count, boolean capped, Instant from, Instant to) {
        String fires = (capped ? "more than " : "") + count + (count == 1 && !capped ? " fire" : " fires");
        return count == 1 && !capped ? fires + " due " + from : fires + " due from " + from + " to " + to;
    }

    private static Instant latest(Schedule schedule, ZoneId zone, Instant floor, Instant until) {
        for (Duration window : LOOK_BACK) {
            Instant from = until.minus(window).isAfter(floor) ? until.minus(window) : floor;
            Optional<Instant> found = schedule.nextAfter(from, zone).filter(t -> !t.isAfter(until));
            if (found.isPresent()) {
                Instant latest = found.get();
                for (Optional<Instant> next = schedule.nextAfter(latest, zone); next.isPresent()
                        && !next.get().isAfter(until); next = schedule.nextAfter(latest, zone)) {
                    latest = next.get();
                }
                return latest;
            }
        }
        return floor;
    }
}
