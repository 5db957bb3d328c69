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

    private TaskProperties() {
    }
}
