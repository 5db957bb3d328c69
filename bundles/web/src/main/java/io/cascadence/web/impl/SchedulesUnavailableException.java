package io.cascadence.web.impl;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.schedule.Schedules;

/**
 * No {@link Schedules} service is registered (the scheduler bundle is not installed, not started, or being
 * replaced): the schedule routes cannot be served and answer 503, while every other route goes on.
 */
final class SchedulesUnavailableException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    SchedulesUnavailableException() {
        super("schedules are not available: the scheduler bundle (io.cascadence.scheduler) that keeps them is not "
                + "installed or not started; GET /health names the bundles that are not active");
    }

    /** @return {@code schedules} when there is one */
    static Schedules require(Schedules schedules) {
        if (schedules == null) {
            throw new SchedulesUnavailableException();
        }
        return schedules;
    }
}
