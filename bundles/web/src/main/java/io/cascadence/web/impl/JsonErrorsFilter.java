package io.cascadence.web.impl;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of every servlet: refuses a declared body over {@code max_body_size} (413) and a malformed query string
 * (400) before the servlet runs, hands the servlet parameters from the query string only, reads what the servlet
 * left of a body within the limit (so the connection can carry the next request), and turns what a servlet
 * throws into the JSON answer: a {@link CascadenceException} through {@link Errors}, a broken connection into a
 * 400 without a log entry (the client's doing), anything else into a 500 logged once with its stack trace (a
 * fault of Cascadence). Nothing reaches Felix HTTP's own handling, which would log every exception as an error.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName(JsonErrorsFilter.NAME)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
public class JsonErrorsFilter implements Filter {

    static final String NAME = "cascadence-json-errors";

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorsFilter.class);

    @Reference
    private CascadenceConfig config;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long limit = BodyLimit.of(config);
        boolean tooLarge = false;
        try {
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                throw new BodyTooLargeException(limit, declared);
            }
            chain.doFilter(new QueryParametersRequest(request, QueryString.parse(request.getQueryString())),
                    response);
        } catch (BodyTooLargeException e) {
            tooLarge = true;
            answer(response, () -> refuse(request, response, e, limit));
        } catch (CascadenceException e) {
            answer(response, () -> Errors.write(response, e));
        } catch (IOException e) {
            // Reading the body or writing the answer failed: the client went away or sent a broken body.
            LOG.debug("{} {}: the connection failed: {}", request.getMethod(), request.getRequestURI(), e.toString());
            answer(response, () -> Json.error(response, HttpServletResponse.SC_BAD_REQUEST,
                    "the request could not be read: " + e.getMessage()));
        } catch (RuntimeException | ServletException e) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            answer(response, () -> Json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    ErrorDetails.container(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null, null, 0)));
        }
        if (!tooLarge && !request.isAsyncStarted()) {
            RequestBodies.drain(request, limit);
        }
    }

    /**
     * Answers 413. A body up to twice the limit is read to its end first, so that a client that only reads once it
     * has sent everything still gets the answer and the connection stays usable; past that, or for a body that
     * declares more, the answer says Connection: close and nothing more is read.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException e,
            long limit) throws IOException {
        long declared = request.getContentLengthLong();
        long rest = declared < 0 ? limit : declared <= 2 * limit ? declared : -1;
        if (rest < 0 || !RequestBodies.drain(request, rest)) {
            response.setHeader("Connection", "close");
        }
        Errors.write(response, e);
    }

    private interface Answer {
        void write() throws IOException;
    }

    /**
     * Writes an answer unless a servlet has already sent part of one, clearing whatever it began; a client that is
     * gone by then is no fault of Cascadence's and is not logged as one.
     */
    private static void answer(HttpServletResponse response, Answer answer) {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        try {
            answer.write();
        } catch (IOException e) {
            LOG.debug("Could not answer (the client may be gone): {}", e.toString());
        }
    }
}
