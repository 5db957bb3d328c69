package io.cascadence.web.impl;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.cascadence.api.InvalidRequestException;

/**
 * Which events one client of {@code GET /events} gets: the types it asked for ({@code ?types=stage,run}; all
 * without it) and, for a token bound to a user, that user's. Such a client gets the events that carry its user's
 * hash, and the events that carry no user and belong to no run (a task paused, disabled or enabled by an operator),
 * which are about tasks, shared by every user; a run without a user (a cron fire, a run nobody named) is nobody's,
 * so its events go only to clients without a bound token, as {@code GET /runs} lists it only for them.
 *
 * @param types the types to send, never empty
 * @param userHash the hash of the bound user, or {@code null} for every user's events
 */
record EventFilter(Set<String> types, String userHash) {

    static final String TYPES_PARAMETER = "types";

    /**
     * The types of {@code ?types=} (comma-separated, may repeat; none or blank for every type).
     *
     * @throws InvalidRequestException naming the parameter, the value and the accepted types
     */
    static Set<String> types(String[] values) {
        Set<String> types = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String type = part.strip().toLowerCase(Locale.ROOT);
                    if (type.isEmpty()) {
                        continue;
                    }
                    if (!EventJson.TYPES.contains(type)) {
                        throw new InvalidRequestException(TYPES_PARAMETER + " has '" + part.strip()
                                + "'; expected a comma-separated list of " + String.join(", ", EventJson.TYPES));
                    }
                    types.add(type);
                }
            }
        }
        return types.isEmpty() ? Set.copyOf(EventJson.TYPES) : Set.copyOf(types);
    }

    boolean accepts(EventMessage message) {
        if (!types.contains(message.type())) {
            return false;
        }
        if (userHash == null) {
            return true;
        }
        return message.userHash() == null ? message.runId() == null : userHash.equals(message.userHash());
    }
}
