package io.cascadence.web.impl;

import io.cascadence.api.CascadenceException;

/** A caller asked for another user's or group's data: 403, in the original's words. */
final class ScopeDeniedException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    ScopeDeniedException(String message) {
        super(message);
    }
}
