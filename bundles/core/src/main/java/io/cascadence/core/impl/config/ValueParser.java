package io.cascadence.core.impl.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
                List<String> named = values.stream().filter(v -> !v.isEmpty()).toList();
                throw new IllegalArgumentException("expected one of " + String.join(", ", named)
                        + (named.size() < values.size() ? ", or empty for none" : ""));
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

    /**
     * A gRPC target as Temporal's clients take it: {@code host:port} ({@code [::1]:7233} for an IPv6 address), the
     * port from 1 to 65535, with no scheme.
     */
    static ValueParser hostPort() {
        return text -> {
            String value = text.strip();
            int colon = value.lastIndexOf(':');
            String host = colon < 0 ? "" : value.substring(0, colon);
            int port = -1;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                // reported below with what is accepted
            }
            if (value.contains("://") || host.isEmpty() || host.matches(".*[\\s/].*") || port < 1 || port > 65535) {
                throw new IllegalArgumentException("expected host:port with a port from 1 to 65535 and no scheme, "
                        + "such as localhost:7233");
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

    /** {@code NAME=N, ...}: per-task counts, as a map from task name to a positive integer. */
    static ValueParser counts() {
        return text -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = eq < 0 ? "" : part.substring(0, eq).strip();
                Integer count = null;
                try {
                    count = eq < 0 ? null : Integer.valueOf(part.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    count = null;
                }
                if (name.isEmpty() || count == null || count < 1) {
                    throw new IllegalArgumentException("'" + part.strip() + "' is not NAME=N with N at least 1; "
                            + "expected entries such as report=5, comma-separated");
                }
                counts.put(name, count);
            }
            return Collections.unmodifiableMap(counts);
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

    /**
     * API tokens: {@code TOKEN}, {@code TOKEN=USER} or {@code TOKEN=USER:GROUP}, comma-separated, each token at least
     * 16 characters of letters, digits and {@code - . _ ~ + /} (a Bearer token without {@code =}), each once.
     */
    static ValueParser apiTokens() {
        return text -> {
            List<String> entries = new ArrayList<>();
            Set<String> tokens = new HashSet<>();
            int position = 0;
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                position++;
                String entry = part.strip();
                int eq = entry.indexOf('=');
                String token = eq < 0 ? entry : entry.substring(0, eq).strip();
                String identity = eq < 0 ? "" : entry.substring(eq + 1).strip();
                // The token itself is never quoted: the message goes to the log and to GET /config.
                if (token.length() < 16 || !token.matches("[A-Za-z0-9._~+/-]+")) {
                    throw new IllegalArgumentException("entry " + position + " is not a usable token; expected "
                            + "TOKEN, TOKEN=USER or TOKEN=USER:GROUP, comma-separated, each TOKEN at least 16 "
                            + "letters, digits or - . _ ~ + /");
                }
                if (eq >= 0 && (identity.isEmpty() || identity.startsWith(":") || identity.endsWith(":"))) {
                    throw new IllegalArgumentException("entry " + position + " binds its token to no user; "
                            + "expected TOKEN=USER or TOKEN=USER:GROUP");
                }
                if (!tokens.add(token)) {
                    throw new IllegalArgumentException("entry " + position + " repeats a token given before");
                }
                entries.add(eq < 0 ? token : token + "=" + identity);
            }
            return String.join(", ", entries);
        };
    }

    /** Host names or addresses (no port), comma-separated, or {@code *}; normalised to lower case. */
    static ValueParser hosts() {
        return text -> {
            List<String> hosts = new ArrayList<>();
            for (String part : text.split(",")) {
                String host = part.strip().toLowerCase(Locale.ROOT);
                if (host.isEmpty()) {
                    continue;
                }
                if (!host.equals("*") && !host.matches("[a-z0-9._-]+|\\[[0-9a-f:.]+\\]")) {
                    throw new IllegalArgumentException("'" + part.strip() + "' is not a host name; expected names "
                            + "or addresses without a port, such as cascadence.example.com, 10.0.0.5 or [::1], "
                            + "comma-separated, or *");
                }
                hosts.add(host);
            }
            return String.join(", ", hosts);
        };
    }

    /** Origins {@code scheme://host[:port]}, comma-separated, or {@code *}; normalised to lower case. */
    static ValueParser origins() {
        return text -> {
            List<String> origins = new ArrayList<>();
            for (String part : text.split(",")) {
                String origin = part.strip().toLowerCase(Locale.ROOT);
                if (origin.endsWith("/")) {
                    origin = origin.substring(0, origin.length() - 1);
                }
                if (origin.isEmpty()) {
                    continue;
                }
                if (!origin.equals("*")
                        && !origin.matches("https?://([a-z0-9._-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?")) {
                    throw new IllegalArgumentException("'" + part.strip() + "' is not an origin; expected "
                            + "scheme://host[:port] such as https://ops.example.com or http://localhost:3000, "
                            + "comma-separated, or *");
                }
                origins.add(origin);
            }
            return String.join(", ", origins);
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
