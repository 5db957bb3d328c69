package io.cascadence.api;

/**
 * A store cannot be written, so a change that has to outlive a restart (a task registered by path, a task paused,
 * resumed, disabled or enabled, a run accepted) is refused instead of being acknowledged and then lost, or, for a
 * run that already ended, its outcome cannot be confirmed. Nothing was changed: the store, the file and what the
 * container runs are as they were. The message names the store and the reason. The condition belongs to the
 * installation, not to the request, and goes away once the store is fixed, so the REST API answers it with 503 and
 * {@code GET /health} lists it among its warnings.
 */
public class StoreUnavailableException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    /**
     * @param file the store's file, as the user knows it (e.g. the absolute path of {@code data/tasks.yml})
     * @param reason why it cannot be written, e.g. "permission denied" or "it could not be read at start"
     */
    public StoreUnavailableException(String file, String reason) {
        super(file + " cannot be written: " + reason + "; nothing was changed");
        this.file = file;
        this.reason = reason;
    }

    /**
     * A store that is not one file (the run-history database) could not record something.
     *
     * @param message what could not be recorded and why, naming the store
     * @param cause the store's error, or {@code null}
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.reason = message;
    }

    /** The file that cannot be written, or {@code null} for the run-history database. */
    public String file() {
        return file;
    }

    /** Why it cannot be written. */
    public String reason() {
        return reason;
    }
}
