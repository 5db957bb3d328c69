package io.cascadence.web.impl;

import io.cascadence.api.CascadenceException;

/** A request body is larger than {@code max_body_size}: HTTP 413 naming the limit. Nothing past it was read. */
final class BodyTooLargeException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param limit the {@code max_body_size} in force
     * @param declared the request's {@code Content-Length}, or a negative number when the body had none and was
     *        found too large while it was read
     */
    BodyTooLargeException(long limit, long declared) {
        super("the request body is larger than max_body_size, " + limit + " bytes"
                + (declared > 0 ? " (Content-Length: " + declared + ")" : ""));
    }
}
