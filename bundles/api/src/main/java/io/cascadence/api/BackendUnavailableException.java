package io.cascadence.api;

/**
 * The configured scheduler backend is not installed (or not started), so nothing can be run: Cascadence never
 * runs a task on another backend than the one configured. The REST API answers it with 503.
 */
public class BackendUnavailableException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String backend;

    public BackendUnavailableException(String backend, String detail) {
        super("Scheduler backend '" + backend + "' is not available: " + detail);
        this.backend = backend;
    }

    /** The backend that was asked for. */
    public String backend() {
        return backend;
    }
}
