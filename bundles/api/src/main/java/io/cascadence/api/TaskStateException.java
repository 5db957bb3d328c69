package io.cascadence.api;

/** The task exists but is paused or disabled, so it does not run: "Task 'X' is paused". */
public class TaskStateException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String taskName;

    public TaskStateException(String taskName, String state) {
        super("Task '" + taskName + "' is " + state);
        this.taskName = taskName;
    }

    public String taskName() {
        return taskName;
    }
}
