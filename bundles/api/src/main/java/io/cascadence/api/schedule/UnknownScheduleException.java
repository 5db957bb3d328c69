package io.cascadence.api.schedule;

import io.cascadence.api.CascadenceException;

/** No schedule is kept for the task named; the message is the original's {@code Unknown schedule: NAME}. */
public class UnknownScheduleException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    private final String taskName;

    public UnknownScheduleException(String taskName) {
        super("Unknown schedule: " + taskName);
        this.taskName = taskName;
    }

    public String taskName() {
        return taskName;
    }
}
