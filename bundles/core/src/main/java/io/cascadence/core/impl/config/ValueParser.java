package io.cascadence.core.impl.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the text of a configuration value into its typed form, or says what would have been accepted.
 */
@FunctionalInterface
interface ValueParser {

    /**
     * @return the typed value
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    Object parse(String text);

    static ValueParser text() {
        return text -> text;
    }

    static ValueParser oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return text -> {
            String normalised = text.strip().toLowerCase(Locale.ROOT);
            if (!values.contains(normalised)) {
                throw new IllegalArgumentException("expected one of " + String.join(", ", values));
            }
            return normalised;
        };
    }

    static ValueParser zone() {
        return text -> {
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected an IANA time zone such as UTC or Europe/Paris");
            }
        };
    }

    static ValueParser path() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a file path");
            }
            try {
                return Path.of(text.strip());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("expected a file path (" + e.getReason() + ")");
            }
        };
    }

    /** The original's rule: 0, false and no (any case) are false; we also insist the rest be 1, true or yes. */
    static ValueParser bool() {
        return text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "0", "false", "no", "off" -> Boolean.FALSE;
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** A positive number, such as a timeout in seconds that a remote client takes as a number. */
    static ValueParser positiveNumber() {
        return text -> {
            try {
                double value = Double.parseDouble(text.strip());
                if (value > 0 && Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with what is accepted
            }
            throw new IllegalArgumentException("expected a positive number of seconds such as 5 or 2.5");
        };
    }

    /** Seconds above 0 as a {@link java.time.Duration}. */
    static ValueParser positiveSeconds() {
        return text -> {
            Duration duration = seconds(text.strip());
            if (duration == null || duration.isZero()) {
                throw new IllegalArgumentException("expected a positive number of seconds such as 5 or 2.5");
            }
            return duration;
        };
    }

    static ValueParser positiveInt() {
        return text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with what is accepted
            }
            throw new IllegalArgumentException("expected a whole number above 0");
        };
    }

    static ValueParser optionalUrl() {
        return text -> {
            String value = text.strip();
            if (!value.isEmpty() && !value.matches("(?i)https?://[^\\s/]+.*")) {
                throw new IllegalArgumentException("expected an http:// or https:// URL");
            }
            return value;
        };
    }

    /** A TCP port, 1 to 65535, or 0 for none. */
    static ValueParser port() {
        return text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= 0 && value <= 65535) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with what is accepted
            }
            throw new IllegalArgumentException("expected a port number from 1 to 65535, or 0 for none");
        };
    }

    static ValueParser nonNegativeInt() {
        return text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with what is accepted
            }
            throw new IllegalArgumentException("expected a whole number, 0 or more");
        };
    }

    /** Seconds as a {@link java.time.Duration}; 0 means "none". */
    static ValueParser nonNegativeSeconds() {
        return text -> {
            Duration duration = seconds(text.strip());
            if (duration == null) {
                throw new IllegalArgumentException("expected a number of seconds, 0 or more, such as 30 or 2.5");
            }
            return duration;
        };
    }

    /** {@code NAME=SECONDS, ...}: per-task timeouts, as a map from task name to a positive duration. */
    static ValueParser timeouts() {
        return text -> {
            Map<String, Duration> timeouts = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                Duration duration = eq < 0 ? null : seconds(part.substring(eq + 1).strip());
                String name = eq < 0 ? "" : part.substring(0, eq).strip();
                if (name.isEmpty() || duration == null || duration.isZero()) {
                    throw new IllegalArgumentException("'" + part.strip() + "' is not NAME=SECONDS; expected "
                            + "entries such as report=300, comma-separated");
                }
                timeouts.put(name, duration);
            }
            return Collections.unmodifiableMap(timeouts); // in the user's order, for reports
        };
    }

    /** Empty, or a PostgreSQL JDBC URL: the embedded database needs no URL. */
    static ValueParser optionalJdbcUrl() {
        return text -> {
            String value = text.strip();
            if (!value.isEmpty() && !value.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("expected a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://127.0.0.1:5432/cascadence, or nothing for the embedded database");
            }
            return value;
        };
    }

    private static Duration seconds(String text) {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds >= 0 && Double.isFinite(seconds) && seconds < 1e12) {
                return Duration.ofNanos(Math.round(seconds * 1e9));
            }
        } catch (NumberFormatException e) {
            // the caller says what is accepted
        }
        return null;
    }
}
