package io.cascadence.api;

/**
 * A run started and did not succeed. The message is the task's own error message (or the precheck's reason, or
 * why the run was ended); {@link #status()} says how it ended.
 */
public class TaskFailedException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String taskName;
    private final String stage;
    private final String status;

    public TaskFailedException(String taskName, String runId, String stage, Throwable cause) {
        this(taskName, runId, stage, messageOf(cause), cause);
    }

    public TaskFailedException(String taskName, String runId, String stage, String reason) {
        this(taskName, runId, stage, reason, null);
    }

    /** A failure with a message of its own (for example naming the nested task that failed) and its cause. */
    public TaskFailedException(String taskName, String runId, String stage, String reason, Throwable cause) {
        this(taskName, runId, stage, RunRecord.ERROR, reason, cause);
    }

    /**
     * A run that ended without success for the given reason.
     *
     * @param status {@link RunRecord#ERROR}, {@link RunRecord#CANCELLED}, {@link RunRecord#TIMED_OUT} or
     *        {@link RunRecord#INTERRUPTED}
     */
    public TaskFailedException(String taskName, String runId, String stage, String status, String reason,
            Throwable cause) {
        super(reason, cause);
        this.taskName = taskName;
        this.runId = runId;
        this.stage = stage;
        this.status = status;
    }

    public String runId() {
        return runId;
    }

    public String taskName() {
        return taskName;
    }

    /**
     * The stage that failed, or that was in progress when the run was ended: {@code dependency} (a prerequisite
     * did not succeed), {@code intake}, {@code plan}, {@code precheck}, {@code run} or {@code verify};
     * {@code null} when the run had not started a stage.
     */
    public String stage() {
        return stage;
    }

    /** How the run ended: {@code error}, {@code cancelled}, {@code timed_out} or {@code interrupted}. */
    public String status() {
        return status;
    }

    /** The message of an exception, or its class name when it has none. */
    public static String messageOf(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
