package io.cascadence.api;

/** No run with the id asked for is in progress (for pause and resume) or on record (for look-ups). */
public class UnknownRunException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String runId;

    public UnknownRunException(String runId, String what) {
        super(what + ": " + runId);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
