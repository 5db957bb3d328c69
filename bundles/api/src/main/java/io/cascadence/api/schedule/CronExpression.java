package io.cascadence.api.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.cascadence.api.schedule.CronFields.Field;

/**
 * A POSIX cron expression: five fields, {@code minute hour day-of-month month day-of-week}, or one of the nicknames
 * {@code @yearly} ({@code @annually}), {@code @monthly}, {@code @weekly}, {@code @daily} ({@code @midnight}) and
 * {@code @hourly}. Each field takes values, names ({@code JAN}-{@code DEC}, {@code SUN}-{@code SAT}), {@code *},
 * ranges ({@code MON-FRI}), lists ({@code 1,15}) and steps ({@code *}{@code /15}, {@code 8-18/2}); 0 and 7 are
 * both Sunday. Parsing is done by cron-utils. Anything else is refused when parsed, with a message naming the field
 * and what it accepts: out-of-range values, a step of 0, reversed ranges, {@code L}, {@code W}, {@code #},
 * {@code ?}, six or seven fields, and dates that never occur (31 February).
 *
 * <p>When both day-of-month and day-of-week are restricted (neither is {@code *}), a day matches if either field
 * matches, as POSIX cron and Vixie cron do ({@code 0 0 13 * FRI} fires on every 13th and on every Friday). The
 * Python original required both to match.
 *
 * <p>Fire times are computed in a time zone, with these daylight-saving rules:
 * <ul>
 * <li>A local time that does not exist (it falls into a gap, when clocks go forward) fires once, at the first
 * instant after the gap; several such times, and a match at that instant, fire once together.</li>
 * <li>A local time that occurs twice (when clocks go back) fires once, at its first occurrence, when the hour field
 * is fixed ({@code 30 1 * * *}).</li>
 * <li>When the hour field is {@code *} or a step, the schedule follows real elapsed time: a repeated local time
 * fires at both occurrences, so an hourly schedule fires every real hour, with no hour lost or doubled.</li>
 * </ul>
 * Computing a fire time never spins: it looks at most eight years ahead, which covers every expression that can
 * fire at all (29 February in a year divisible by 4 but not by 100 can be eight years away).
 *
 * <p>Instances are immutable, thread-safe and compared by their text.
 */
public final class CronExpression {

    /** How far ahead a next fire time is looked for, in days: eight years and a day. */
    private static final int HORIZON_DAYS = 8 * 366 + 1;
    /** More than any daylight-saving or zone change moves local clocks (two hours, Antarctica/Troll). */
    private static final Duration MAX_SHIFT = Duration.ofHours(3);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;
    private final boolean followsElapsedTime;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        BitSet[] values = CronFields.parse(fields);
        this.minutes = values[0];
        this.hours = values[1];
        this.days = values[2];
        this.months = values[3];
        this.weekdays = values[4];
        // As in Vixie cron, a field that starts with '*' leaves the day unrestricted ("*/2" too).
        this.anyDay = fields[2].startsWith("*");
        this.anyWeekday = fields[4].startsWith("*");
        this.followsElapsedTime = fields[1].contains("*") || fields[1].contains("/");
        if (!anyDay && anyWeekday) {
            checkDaysOccur(fields[2], fields[3]);
        }
    }

    /**
     * Parses a cron expression. Surrounding blanks are ignored and fields may be separated by any blanks; names and
     * nicknames may be in any case.
     *
     * @param text the expression, such as {@code 0 9 * * MON-FRI} or {@code @daily}
     * @return the expression
     * @throws InvalidScheduleException when it is not accepted; the message names the field and what it accepts
     */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidScheduleException("a cron expression is required: five fields (minute hour "
                    + "day-of-month month day-of-week) such as '0 * * * *', or @yearly, @monthly, @weekly, @daily "
                    + "or @hourly");
        }
        String normal = String.join(" ", text.strip().split("\\s+")).toUpperCase(Locale.ROOT);
        String fields = normal.startsWith("@") ? CronFields.NICKNAMES.get(normal.toLowerCase(Locale.ROOT)) : normal;
        if (fields == null) {
            throw new InvalidScheduleException("'" + text.strip() + "' is not a known nickname: accepted are "
                    + "@yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly");
        }
        String[] parts = fields.split(" ");
        if (parts.length != 5) {
            throw new InvalidScheduleException("cron expression '" + text.strip() + "' has " + parts.length
                    + " field" + (parts.length == 1 ? "" : "s") + ": expected 5 (minute hour day-of-month month "
                    + "day-of-week), such as '0 9 * * MON-FRI'; seconds and years are not accepted");
        }
        return new CronExpression(normal.startsWith("@") ? normal.toLowerCase(Locale.ROOT) : normal, parts);
    }

    /** Whether {@code text} would be accepted by {@link #parse}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidScheduleException e) {
            return false;
        }
    }

    /**
     * The first fire time strictly after {@code after}, in {@code zone}, under the daylight-saving rules above.
     *
     * @param after an instant
     * @param zone the time zone the fields are read in
     * @return the next fire time, or empty if there is none within eight years (an expression that can fire at all
     *         always has one)
     */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        LocalDateTime floor = LocalDateTime.ofInstant(after, zone).minus(shiftNear(rules, after))
                .truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = floor.toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            Instant found = firstOn(day, after, rules, floor);
            if (found != null) {
                // A zone that goes back across midnight gives the next local day instants before this day's last.
                Instant nextDay = firstOn(day.plusDays(1), after, rules, floor);
                return Optional.of(nextDay != null && nextDay.isBefore(found) ? nextDay : found);
            }
        }
        return Optional.empty();
    }

    /** The fire times strictly after {@code after}, up to and including {@code until}, at most {@code limit}. */
    public List<Instant> firesBetween(Instant after, Instant until, ZoneId zone, int limit) {
        List<Instant> fires = new ArrayList<>();
        Instant cursor = after;
        while (fires.size() < limit) {
            Optional<Instant> next = nextAfter(cursor, zone);
            if (next.isEmpty() || next.get().isAfter(until)) {
                break;
            }
            fires.add(next.get());
            cursor = next.get();
        }
        return fires;
    }

    /** Whether the hour field is {@code *} or a step, so that the schedule follows real elapsed time. */
    public boolean followsElapsedTime() {
        return followsElapsedTime;
    }

    /** The expression as given, with blanks normalised and names in upper case ({@code 0 9 * * MON-FRI}). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * The earliest fire time on {@code day} after {@code after}, or {@code null}. Local times are tried in order;
     * their instants only come out of order in a repeated hour, when a second occurrence is taken, so the scan stops
     * at the first candidate that is not one. Hours that end before {@code floor} ({@code after}'s local time, less
     * the shift of a nearby transition) cannot give a later instant and are skipped.
     */
    private Instant firstOn(LocalDate day, Instant after, ZoneRules rules, LocalDateTime floor) {
        if (!dayMatches(day)) {
            return null;
        }
        Instant best = null;
        for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
            if (LocalDateTime.of(day, LocalTime.of(h, 59)).isBefore(floor)) {
                continue;
            }
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                LocalDateTime local = LocalDateTime.of(day, LocalTime.of(h, m));
                if (local.isBefore(floor)) {
                    continue;
                }
                List<ZoneOffset> offsets = rules.getValidOffsets(local);
                Instant candidate;
                boolean secondOccurrence = false;
                if (offsets.isEmpty()) {
                    candidate = rules.getTransition(local).getInstant();
                } else {
                    candidate = local.toInstant(offsets.get(0));
                    if (offsets.size() == 2 && followsElapsedTime && !candidate.isAfter(after)) {
                        candidate = local.toInstant(offsets.get(1));
                        secondOccurrence = true;
                    }
                }
                if (!candidate.isAfter(after)) {
                    continue;
                }
                if (best == null || candidate.isBefore(best)) {
                    best = candidate;
                }
                if (!secondOccurrence) {
                    return best;
                }
            }
        }
        return best;
    }

    /** How far local clocks may move within a day of {@code after}: nothing, unless a transition is that close. */
    private static Duration shiftNear(ZoneRules rules, Instant after) {
        ZoneOffsetTransition next = rules.nextTransition(after.minus(Duration.ofDays(1)));
        return next != null && next.getInstant().isBefore(after.plus(Duration.ofDays(1))) ? MAX_SHIFT : Duration.ZERO;
    }

    private boolean dayMatches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = days.get(day.getDayOfMonth());
        boolean dow = weekdays.get(day.getDayOfWeek().getValue() % 7);
        if (anyDay || anyWeekday) {
            return dom && dow;
        }
        return dom || dow;
    }

    /** Refuses a day-of-month that no month of the expression has (31 February), when the day of week is '*'. */
    private void checkDaysOccur(String dayField, String monthField) {
        for (int month = months.nextSetBit(1); month >= 0; month = months.nextSetBit(month + 1)) {
            int longest = Month.of(month).maxLength();
            if (days.nextSetBit(1) <= longest) {
                return;
            }
        }
        throw CronFields.refused(Field.DAY_OF_MONTH, dayField, "no month in month field '" + monthField
                + "' has such a day, so it would never fire");
    }
}
