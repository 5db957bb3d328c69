package io.cascadence.web.impl;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import io.cascadence.api.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request made with a token bound to an identity: its {@code X-User-ID} (and, when the token names a group,
 * {@code X-Group-ID}) header is that identity whatever was sent, so every route sees the token's identity as the
 * caller. Sending another one is refused before this wrapper is made ({@link ApiGuardFilter}).
 */
final class BoundIdentityRequest extends HttpServletRequestWrapper {

    private final Identity bound;

    BoundIdentityRequest(HttpServletRequest request, Identity bound) {
        super(request);
        this.bound = bound;
    }

    @Override
    public String getHeader(String name) {
        String value = boundValue(name);
        return value != null ? value : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = boundValue(name);
        return value != null ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
    }

    private String boundValue(String name) {
        if (TasksServlet.USER_HEADER.equalsIgnoreCase(name)) {
            return bound.userId();
        }
        if (TasksServlet.GROUP_HEADER.equalsIgnoreCase(name)) {
            return bound.groupId();
        }
        return null;
    }
}
