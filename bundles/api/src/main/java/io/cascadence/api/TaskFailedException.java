package io.cascadence.api;

/** A task ran and failed. The message is the task's own error message (or the precheck's reason). */
public class TaskFailedException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String taskName;
    private final String stage;

    public TaskFailedException(String taskName, String runId, String stage, Throwable cause) {
        super(messageOf(cause), cause);
        this.taskName = taskName;
        this.runId = runId;
        this.stage = stage;
    }

    public TaskFailedException(String taskName, String runId, String stage, String reason) {
        this(taskName, runId, stage, reason, null);
    }

    /** A failure with a message of its own (for example naming the nested task that failed) and its cause. */
    public TaskFailedException(String taskName, String runId, String stage, String reason, Throwable cause) {
        super(reason, cause);
        this.taskName = taskName;
        this.runId = runId;
        this.stage = stage;
    }

    public String runId() {
        return runId;
    }

    public String taskName() {
        return taskName;
    }

    /** The stage that failed: {@code intake}, {@code plan}, {@code precheck}, {@code run} or {@code verify}. */
    public String stage() {
        return stage;
    }

    /** The message of an exception, or its class name when it has none. */
    public static String messageOf(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
