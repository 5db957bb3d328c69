package io.cascadence.scheduler.impl.book;

import io.cascadence.api.TaskProperties;
import io.cascadence.api.schedule.UnknownScheduleException;

/**
 * Unscheduling a schedule that only a task's service declares: {@code schedules.yml} has none to remove, and the
 * user is told where it comes from and what can be done instead. Still the original's "Unknown schedule: NAME".
 */
final class DeclaredByServiceException extends UnknownScheduleException {

    private static final long serialVersionUID = 1L;

    DeclaredByServiceException(String task) {
        super(task);
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " in schedules.yml: the schedule of '" + taskName() + "' comes from the task's "
                + "plugin (service property " + TaskProperties.TASK_SCHEDULE + "); pause or disable the task instead";
    }
}
