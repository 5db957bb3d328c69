package io.cascadence.api.schedule;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A schedule as users see it: {@code GET /schedules}, {@code task schedules}.
 *
 * @param schedule the schedule
 * @param source where it comes from: {@link #FILE} ({@code schedules.yml}, set by a user or registration) or
 *        {@link #SERVICE} (its task service's {@code cascadence.task.schedule} property)
 * @param state {@link #ACTIVE}, {@link #WAITING_FOR_TASK} or {@link #NOT_RUN_BY_BACKEND}
 * @param zone the time zone it fires in now (its own, else the scheduler's)
 * @param nextFireAt its next fire time (UTC), or {@code null} when it is not active or never fires again
 */
public record ScheduleInfo(Schedule schedule, String source, String state, ZoneId zone, Instant nextFireAt) {

    /** Kept in {@code schedules.yml}. */
    public static final String FILE = "file";
    /** Declared by the task's service property; it comes and goes with its plugin. */
    public static final String SERVICE = "service";

    /** It fires. */
    public static final String ACTIVE = "active";
    /** Its task is not registered (its plugin is not installed); it is kept and fires once the task appears. */
    public static final String WAITING_FOR_TASK = "waiting_for_task";
    /** The configured backend ({@code base}) does not run schedules; it is kept and fires once one that does is. */
    public static final String NOT_RUN_BY_BACKEND = "not_run_by_backend";
}
