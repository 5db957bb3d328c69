package io.cascadence.web.impl.n8n;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;

import io.cascadence.api.schedule.CronExpression;

/**
 * Cascadence cron expressions as n8n's Schedule Trigger reads them ("Custom (Cron)": five or six fields, read in
 * the workflow's time zone). Nicknames become their five fields, and month and weekday names become numbers, which
 * every cron parser reads alike.
 */
public final class N8nCron {

    private static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] WEEKDAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** How far ahead two zones must keep the same clock to be taken as one. */
    private static final Duration HORIZON = Duration.ofDays(2 * 366);

    private N8nCron() {
    }

    /** The expression in five numeric fields. */
    public static String fields(CronExpression expression) {
        String text = expression.text();
        String nickname = NICKNAMES.get(text.toLowerCase(Locale.ROOT));
        if (nickname != null) {
            return nickname;
        }
        String[] parts = text.split(" ");
        parts[3] = numbered(parts[3], MONTHS, 1);
        parts[4] = numbered(parts[4], WEEKDAYS, 0);
        return String.join(" ", parts);
    }

    private static String numbered(String field, String[] names, int first) {
        String result = field.toUpperCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            result = result.replace(names[i], Integer.toString(first + i));
        }
        return result;
    }

    /**
     * Whether two zones show the same local time from {@code from} on, for the next two years (their offsets agree
     * now and at every transition of either), so that an expression fires at the same instants in both.
     */
    public static boolean sameClock(ZoneId a, ZoneId b, Instant from) {
        if (a.equals(b)) {
            return true;
        }
        Instant until = from.plus(HORIZON);
        return agreeAtTransitions(a.getRules(), a, b, from, until) && agreeAtTransitions(b.getRules(), a, b, from,
                until);
    }

    private static boolean agreeAtTransitions(ZoneRules rules, ZoneId a, ZoneId b, Instant from, Instant until) {
        Instant at = from;
        while (at.isBefore(until)) {
            if (!a.getRules().getOffset(at).equals(b.getRules().getOffset(at))) {
                return false;
            }
            ZoneOffsetTransition next = rules.nextTransition(at);
            if (next == null) {
                return true;
            }
            at = next.getInstant();
        }
        return true;
    }
}
