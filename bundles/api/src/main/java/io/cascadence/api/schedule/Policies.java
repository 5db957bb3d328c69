package io.cascadence.api.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing shared by the policy enums. */
final class Policies {

    private Policies() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String name = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new InvalidScheduleException(what + " policy '" + text.strip() + "' is not known: expected one of "
                + accepted);
    }
}
