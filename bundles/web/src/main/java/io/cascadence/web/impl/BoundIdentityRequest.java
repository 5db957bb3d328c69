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

    /** The request attribute holding the bound {@link Identity}: routes that show one user's records read it. */
    static final String BOUND = "cascadence.bound-identity";

    private final Identity bound;

    BoundIdentityRequest(HttpServletRequest request, Identity bound) {
        super(request);
        this.bound = bound;
    }

    /**
     * The identity the request's token is bound to, or {@code null} when it carries no bound token: then every
     * user's runs are the caller's to see, as without tokens.
     */
    static Identity of(jakarta.servlet.ServletRequest request) {
        return request.getAttribute(BOUND) instanceof Identity identity ? identity : null;
    }

    @Override
    public Object getAttribute(String name) {
        return BOUND.equals(name) ? bound : super.getAttribute(name);
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
