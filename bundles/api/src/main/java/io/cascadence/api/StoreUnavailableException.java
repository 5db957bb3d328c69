package io.cascadence.api;

/**
 * A change or a run could not be recorded durably (a store file or the run-history database cannot be written),
 * so it was refused, or, for a run that already ended, its outcome could not be confirmed. The message names the
 * store and the reason. The REST API answers it with 503.
 */
public class StoreUnavailableException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
