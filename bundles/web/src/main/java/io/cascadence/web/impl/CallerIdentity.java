package io.cascadence.web.impl;

import io.cascadence.api.Identity;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who calls a pointer route. The original took identity from the {@code X-User-ID} and {@code X-Group-ID} headers
 * only, while its README sends {@code ?user_id=} as a query parameter; both work here. Each header wins over its
 * query parameter, as the header is how the original's every route says who calls; an empty value counts as none.
 */
final class CallerIdentity {

    static final String USER_PARAMETER = "user_id";
    static final String GROUP_PARAMETER = "group_id";

    /** What a route that needs the user answers without one: the original's words, and the other way to say it. */
    static final String USER_REQUIRED = "user_id header required: send X-User-ID, or the user_id query parameter";

    private CallerIdentity() {
    }

    static Identity of(HttpServletRequest request) {
        return of(request.getHeader(TasksServlet.USER_HEADER), request.getParameter(USER_PARAMETER),
                request.getHeader(TasksServlet.GROUP_HEADER), request.getParameter(GROUP_PARAMETER));
    }

    static Identity of(String userHeader, String userParameter, String groupHeader, String groupParameter) {
        return new Identity(first(userHeader, userParameter), first(groupHeader, groupParameter));
    }

    private static String first(String header, String parameter) {
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        return parameter != null && !parameter.isBlank() ? parameter.strip() : null;
    }
}
