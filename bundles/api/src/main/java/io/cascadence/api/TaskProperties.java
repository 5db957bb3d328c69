package io.cascadence.api;

/** Names of the service properties a {@link Task} service carries. */
public final class TaskProperties {

    /**
     * The name users call the task by ({@code task run NAME}, {@code POST /tasks/NAME/run}). Required. A name is
     * 1 to 100 characters from letters, digits, {@code . _ -}, starting with a letter or digit. When two services
     * claim one name, the one with the higher {@code service.ranking} (then the lower service id) is used and the
     * other waits, with a warning, until the first goes away.
     */
    public static final String TASK_NAME = "cascadence.task.name";

    /**
     * How long a run of the task may take, from its first stage to its end, before it is ended as
     * {@code timed_out}: a positive number of seconds (an {@code Integer}, {@code Long}, {@code Double} or its text)
     * or an ISO-8601 duration text such as {@code PT5M}. Optional; without it the configuration's
     * {@code task_timeout} applies. The time a run is held paused counts too. A malformed value is ignored with a
     * warning naming the service.
     *
     * @since 1.0
     */
    public static final String TASK_TIMEOUT = "cascadence.task.timeout";

    /**
     * A cron schedule the task carries, so that it fires without anyone scheduling it (the shipped
     * {@code example} task does): a {@code String} accepted by {@link io.cascadence.api.schedule.CronExpression#parse},
     * such as {@code 0 * * * *} or {@code @daily}. Optional. A schedule set by a user ({@code task schedule},
     * {@code schedules.yml}) takes precedence. The schedule goes away with the service and comes back with it. A
     * malformed value is ignored with a warning naming the service. {@link TaskSchedule} sets it.
     *
     * @since 1.0
     */
    public static final String TASK_SCHEDULE = "cascadence.task.schedule";

    /**
     * The IANA time zone {@link #TASK_SCHEDULE} is read in, such as {@code Europe/Paris}. Optional; without it the
     * scheduler's {@code timezone} applies.
     *
     * @since 1.0
     */
    public static final String TASK_SCHEDULE_ZONE = "cascadence.task.schedule.zone";

    /**
     * What {@link #TASK_SCHEDULE} does about missed fires: {@code skip}, {@code run_once} (the default) or
     * {@code run_all} ({@link io.cascadence.api.schedule.MisfirePolicy}).
     *
     * @since 1.0
     */
    public static final String TASK_SCHEDULE_MISFIRE = "cascadence.task.schedule.misfire";

    /**
     * What a fire of {@link #TASK_SCHEDULE} does while its previous run goes on: {@code skip} (the default),
     * {@code queue_one} or {@code allow} ({@link io.cascadence.api.schedule.OverlapPolicy}).
     *
     * @since 1.0
     */
    public static final String TASK_SCHEDULE_OVERLAP = "cascadence.task.schedule.overlap";

    /**
     * The names of the tasks that must run before this one under the {@code dag} backend: a {@code String[]}, a
     * collection of strings, or one string with names separated by commas. Optional. Dependencies declared in
     * {@code schedules.yml} or over the API take precedence. {@link TaskDependencies} sets it.
     *
     * @since 1.0
     */
    public static final String TASK_DEPENDENCIES = "cascadence.task.dependencies";

    /**
     * The webhook sources a {@link WebhookTask} handles: a {@code String} or {@code String[]} of source names such as
     * {@code github} ({@link WebhookTask#isSourceName}). A delivery to {@code POST /webhook/{source}} runs every
     * webhook task registered for that source, and no other. A malformed value, or the property on a task that is
     * not a {@link WebhookTask}, is ignored with a warning naming the service. {@link WebhookSource} sets it.
     *
     * @since 1.0
     */
    public static final String WEBHOOK_SOURCE = "cascadence.webhook.source";

    /**
     * Under {@code backend = temporal}: how many times a run of the task may be tried in all when the worker running
     * it is lost (a container killed mid-run), each later attempt going on at the stage after the last one
     * checkpointed. A positive {@code Integer}, {@code Long} or its text; {@code 1} for a task that must never run
     * twice. Optional; the configuration's {@code temporal_task_attempts} entry for the task takes precedence, and
     * without either {@code temporal_attempts} (default 3) applies. A task's own failure is never retried. A
     * malformed value is ignored with a warning naming the service.
     *
     * @since 1.3
     */
    public static final String TASK_ATTEMPTS = "cascadence.task.attempts";

    private TaskProperties() {
    }
}
