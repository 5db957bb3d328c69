package io.cascadence.core.impl.history;

import io.cascadence.api.CascadenceException;

/** The run-history database cannot be opened, migrated, read or written; the message names the database. */
public class RunStoreException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    public RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
