package io.cascadence.api;

/**
 * A run was refused before it started because Cascadence cannot take it now; nothing was recorded. The REST API
 * answers {@link Reason#QUEUE_FULL} with 429 and {@link Reason#STOPPING} with 503.
 */
public class RunRejectedException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    /** Why a run was refused. */
    public enum Reason {
        /** As many runs as allowed are running and as many as allowed are waiting; the message names the limits. */
        QUEUE_FULL,
        /** Cascadence is stopping. */
        STOPPING
    }

    private final Reason reason;

    public RunRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
