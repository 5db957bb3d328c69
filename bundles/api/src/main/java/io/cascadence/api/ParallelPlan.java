package io.cascadence.api;

import java.util.List;
import java.util.Objects;

/**
 * A plan result asking for its tasks to run at the same time as nested pipelines. The parent's run stage receives
 * their results as a list in this plan's order.
 *
 * @param tasks the tasks to run
 */
public record ParallelPlan(List<Task> tasks) {

    public ParallelPlan {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
    }

    public static ParallelPlan of(Task... tasks) {
        return new ParallelPlan(List.of(tasks));
    }
}
