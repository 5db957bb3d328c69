package io.cascadence.web.impl;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The answer to a request from a page of an origin {@code cors_origins} lists: it carries
 * {@code Access-Control-Allow-Origin} so the page can read it, errors included ({@link JsonErrorsFilter} resets a
 * response before it writes an error, and the headers are put back).
 */
final class CorsResponse extends HttpServletResponseWrapper {

    /** The headers a page may read besides the simple ones. */
    static final String EXPOSED = "Location, Retry-After, Allow, WWW-Authenticate";

    private final String origin;

    CorsResponse(HttpServletResponse response, String origin) {
        super(response);
        this.origin = origin;
        addHeaders();
    }

    @Override
    public void reset() {
        super.reset();
        addHeaders();
    }

    private void addHeaders() {
        allowOrigin(this, origin);
        setHeader("Access-Control-Expose-Headers", EXPOSED);
    }

    static void allowOrigin(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Vary", "Origin");
    }
}
