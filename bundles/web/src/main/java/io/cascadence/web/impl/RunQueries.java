package io.cascadence.web.impl;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunQuery;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The query parameters of run lists: {@code status} (repeated or comma-separated), {@code trigger},
 * {@code since} and {@code until} (ISO-8601 instants such as {@code 2026-11-30T12:00:00Z}), {@code offset} and
 * {@code limit} (1 to 1000, default 20).
 */
final class RunQueries {

    private RunQueries() {
    }

    /**
     * The query of a run list: with a token bound to a user, that user's runs only.
     *
     * @param hashSecret the secret user ids are hashed with ({@code hash_secret})
     * @throws InvalidRequestException naming the parameter that is malformed and what is accepted
     */
    static RunQuery parse(HttpServletRequest request, String taskName, String hashSecret) {
        RunQuery query = parse(request, taskName);
        Identity bound = BoundIdentityRequest.of(request);
        return bound == null ? query : query.forUser(Identity.hash(hashSecret, bound.userId()));
    }

    /** @throws InvalidRequestException naming the parameter that is malformed and what is accepted */
    static RunQuery parse(HttpServletRequest request, String taskName) {
        Set<String> statuses = new LinkedHashSet<>();
        String[] values = request.getParameterValues("status");
        if (values != null) {
            for (String value : values) {
                for (String status : value.split(",")) {
                    if (!status.isBlank()) {
                        statuses.add(status.strip());
                    }
                }
            }
        }
        int offset;
        int limit;
        try {
            offset = Paging.parameter(request, "offset", 0, 0, Integer.MAX_VALUE);
            limit = Paging.parameter(request, "limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        String trigger = request.getParameter("trigger");
        return new RunQuery(taskName, statuses, trigger == null || trigger.isBlank() ? null : trigger.strip(),
                instant(request, "since"), instant(request, "until"), offset, limit, null, flag(request, "nested"));
    }

    /** A true/false parameter, false when absent or empty. */
    private static boolean flag(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestException(name + " is '" + value + "'; expected true or false");
    }

    private static Instant instant(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " is '" + value + "'; expected an ISO-8601 instant such as "
                    + "2026-11-30T12:00:00Z");
        }
    }
}
