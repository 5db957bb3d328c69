package io.cascadence.core.impl.history;

import io.cascadence.api.StoreUnavailableException;

/**
 * The run-history database cannot be opened, migrated, read or written; the message names the database. Like
 * every store that cannot serve, it is answered with 503.
 */
public class RunStoreException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
