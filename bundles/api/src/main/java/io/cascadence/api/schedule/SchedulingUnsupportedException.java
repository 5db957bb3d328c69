package io.cascadence.api.schedule;

import io.cascadence.api.CascadenceException;

/**
 * The configured scheduler backend does not run schedules ({@code base} runs tasks on demand only). Nothing was
 * changed; schedules already kept stay in {@code schedules.yml} and fire again once a backend that runs them
 * ({@code cron}, {@code dag}) is configured. The REST API answers it with 409.
 */
public class SchedulingUnsupportedException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    public SchedulingUnsupportedException(String backend) {
        super("the '" + backend + "' scheduler backend does not run schedules; set backend to cron or dag "
                + "(environment variable CASCADENCE_SCHEDULER) to schedule tasks");
    }
}
