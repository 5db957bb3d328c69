package io.cascadence.api.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import io.cascadence.api.Identity;

/**
 * A task's cron schedule, as a value: what fires, in which time zone, for whom, and what happens to missed and
 * overlapping fires. A task has at most one schedule. Immutable; the {@code with...} methods return changed copies.
 *
 * @param taskName the task it runs
 * @param expression when it fires
 * @param zone the time zone the expression is read in, or {@code null} to follow the scheduler's {@code timezone}
 *        (which may be changed while Cascadence runs)
 * @param identity who the scheduled runs are for ({@link Identity#ANONYMOUS} when nobody said; never {@code null})
 * @param misfire what happens to fires missed while Cascadence was stopped or the task absent
 * @param overlap what a fire does while this schedule's previous run is still queued or running
 */
public record Schedule(String taskName, CronExpression expression, ZoneId zone, Identity identity,
        MisfirePolicy misfire, OverlapPolicy overlap) {

    /** @throws InvalidScheduleException when the task name or expression is missing */
    public Schedule {
        if (taskName == null || taskName.isBlank()) {
            throw new InvalidScheduleException("a schedule needs a task name");
        }
        Objects.requireNonNull(expression, "expression");
        identity = identity == null ? Identity.ANONYMOUS : identity;
        misfire = misfire == null ? MisfirePolicy.DEFAULT : misfire;
        overlap = overlap == null ? OverlapPolicy.DEFAULT : overlap;
    }

    /**
     * A schedule with the default policies, following the scheduler's time zone, for nobody in particular.
     *
     * @throws InvalidScheduleException when the expression is not accepted ({@link CronExpression#parse})
     */
    public static Schedule of(String taskName, String expression) {
        return new Schedule(taskName, CronExpression.parse(expression), null, Identity.ANONYMOUS, null, null);
    }

    /**
     * The zone named by an IANA identifier ({@code Europe/Paris}, {@code UTC}); blank or {@code null} gives
     * {@code null} (follow the scheduler's zone).
     *
     * @throws InvalidScheduleException when the name is not a known zone
     */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new InvalidScheduleException("timezone '" + name.strip() + "' is not a known time zone: expected an "
                    + "IANA time zone such as UTC, Europe/Paris or America/New_York");
        }
    }

    /** The zone fires are computed in: this schedule's, else {@code schedulerZone}. */
    public ZoneId effectiveZone(ZoneId schedulerZone) {
        return zone != null ? zone : schedulerZone;
    }

    /** The first fire time strictly after {@code after} ({@link CronExpression#nextAfter}). */
    public Optional<Instant> nextAfter(Instant after, ZoneId schedulerZone) {
        return expression.nextAfter(after, effectiveZone(schedulerZone));
    }

    public Schedule withZone(ZoneId value) {
        return new Schedule(taskName, expression, value, identity, misfire, overlap);
    }

    public Schedule withIdentity(Identity value) {
        return new Schedule(taskName, expression, zone, value, misfire, overlap);
    }

    public Schedule withMisfire(MisfirePolicy value) {
        return new Schedule(taskName, expression, zone, identity, value, overlap);
    }

    public Schedule withOverlap(OverlapPolicy value) {
        return new Schedule(taskName, expression, zone, identity, misfire, value);
    }
}
