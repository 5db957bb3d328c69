package io.cascadence.api;

/** A run cannot be changed as asked because of the state it is in, such as cancelling a run that has ended. */
public class RunStateException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String runId;

    public RunStateException(String runId, String message) {
        super(message);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
