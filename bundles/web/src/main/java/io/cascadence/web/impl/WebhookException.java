package io.cascadence.web.impl;

import io.cascadence.api.CascadenceException;

/**
 * A webhook delivery is refused with its own status: 401 when its signature is missing or wrong, 404 when no
 * webhook task handles its source, 503 when the source's configuration is broken. Nothing runs then.
 */
final class WebhookException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final int status;

    WebhookException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
