package io.cascadence.shell.impl;

import io.cascadence.api.schedule.ScheduleInfo;

/**
 * Schedules as lines, the same as {@code bin/task} prints them. The original's first line or first two columns
 * come first, unchanged, so that what read its output still can; what is new follows.
 */
final class ScheduleLines {

    private ScheduleLines() {
    }

    /**
     * {@code NAME scheduled: EXPRESSION}, the original's line, then {@code next fire: <ISO-8601 UTC>}, or
     * {@code next fire: - (<state>)} when it does not fire now.
     */
    static String scheduled(ScheduleInfo info) {
        return info.schedule().taskName() + " scheduled: " + info.schedule().expression().text() + "\n"
                + "next fire: " + (info.nextFireAt() != null ? info.nextFireAt().toString() : "- (" + info.state() + ")");
    }

    /**
     * {@code <name> TAB <expression> TAB <next fire time, ISO-8601 UTC, or '-'>}, and {@code TAB <zone>} when the
     * schedule has a zone of its own rather than the scheduler's {@code timezone}.
     */
    static String line(ScheduleInfo info) {
        String line = info.schedule().taskName() + "\t" + info.schedule().expression().text() + "\t"
                + (info.nextFireAt() == null ? "-" : info.nextFireAt().toString());
        return info.schedule().zone() == null ? line : line + "\t" + info.schedule().zone().getId();
    }
}
