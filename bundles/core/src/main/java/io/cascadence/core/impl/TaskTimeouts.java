package io.cascadence.core.impl;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads the {@code cascadence.task.timeout} service property: seconds as a number or its text, or ISO-8601. */
final class TaskTimeouts {

    private TaskTimeouts() {
    }

    /** @throws IllegalArgumentException saying what is accepted */
    static Duration parse(Object value) {
        Duration duration = null;
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            duration = Duration.ofNanos(Math.round(number.doubleValue() * 1e9));
        } else if (value instanceof String text) {
            String trimmed = text.strip();
            try {
                duration = trimmed.toUpperCase().startsWith("P") ? Duration.parse(trimmed)
                        : Duration.ofNanos(Math.round(Double.parseDouble(trimmed) * 1e9));
            } catch (DateTimeParseException | NumberFormatException e) {
                duration = null;
            }
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + value + "' is not a timeout; expected a positive number of "
                    + "seconds such as 30, or an ISO-8601 duration such as PT5M");
        }
        return duration;
    }
}
