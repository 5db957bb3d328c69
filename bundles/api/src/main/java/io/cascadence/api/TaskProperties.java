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

    private TaskProperties() {
    }
}
