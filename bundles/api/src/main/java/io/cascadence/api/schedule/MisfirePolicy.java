package io.cascadence.api.schedule;

import java.util.Locale;

/**
 * What a schedule does about fires it missed: while Cascadence was stopped (or crashed), while the backend was
 * switched to one that does not run schedules, or while the machine was suspended or so busy that a fire came more
 * than a minute late. A task whose plugin was away misses nothing: its schedule starts again from the moment it
 * returns. The same vocabulary applies to every backend (the Temporal backend maps it onto Temporal's catch-up
 * window). Each catch-up run is recorded with trigger
 * {@code cron}, the time it was due and how late it started.
 */
public enum MisfirePolicy {
    /** Missed fires are dropped; the schedule goes on with its next fire time. */
    SKIP,
    /** The default: one run for all the fires missed, due at the latest of them. */
    RUN_ONCE,
    /** One run for each fire missed, oldest first (bounded by {@code max_catch_up} of the scheduler). */
    RUN_ALL;

    /** The default: {@link #RUN_ONCE}, never more than one catch-up per schedule. */
    public static final MisfirePolicy DEFAULT = RUN_ONCE;

    /** The name used in {@code schedules.yml}, configuration and the REST API: {@code skip}, {@code run_once}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy named {@code skip}, {@code run_once} or {@code run_all} (case and {@code -} instead of {@code _}
     * are forgiven); {@code null} or blank gives the {@link #DEFAULT}.
     *
     * @throws InvalidScheduleException naming the accepted values
     */
    public static MisfirePolicy parse(String text) {
        return Policies.parse(MisfirePolicy.class, "misfire", text, DEFAULT);
    }
}
