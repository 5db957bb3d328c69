package io.cascadence.api;

/** A task ran and failed. The message is the task's own error message. */
public class TaskFailedException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String taskName;

    public TaskFailedException(String taskName, String runId, Throwable cause) {
        super(messageOf(cause), cause);
        this.taskName = taskName;
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    public String taskName() {
        return taskName;
    }

    private static String messageOf(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
