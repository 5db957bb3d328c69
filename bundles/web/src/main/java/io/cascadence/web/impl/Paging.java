package io.cascadence.web.impl;

import jakarta.servlet.http.HttpServletRequest;

/** Query parameters of paged lists, refused with a message naming them when they are not numbers in range. */
final class Paging {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    static int parameter(HttpServletRequest request, String name, int fallback, int min, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " is '" + value + "'; expected a whole number from " + min
                + " to " + max);
    }
}
