package io.cascadence.api;

/** No task is registered under the name asked for. */
public class UnknownTaskException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String taskName;

    public UnknownTaskException(String taskName) {
        super("Unknown task: " + taskName);
        this.taskName = taskName;
    }

    public String taskName() {
        return taskName;
    }
}
