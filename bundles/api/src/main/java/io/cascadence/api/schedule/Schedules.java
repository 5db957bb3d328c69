package io.cascadence.api.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.UnknownTaskException;

/**
 * The cron schedules and task dependencies Cascadence keeps, in {@code schedules.yml} (the original's shape: task
 * name to expression, or to a mapping with {@code expr} and further keys). Every change is written to the file
 * atomically before the method returns; the file is read at start, and a schedule whose task is not (yet)
 * registered is kept and fires once its task appears. Schedules are fired by the {@code cron} and {@code dag}
 * backends; switching the backend loses none.
 */
@ProviderType
public interface Schedules {

    /**
     * Sets the schedule of a task, replacing the one it had.
     *
     * @return the schedule as now kept, with its next fire time
     * @throws UnknownTaskException when no task has the schedule's name
     * @throws SchedulingUnsupportedException when the configured backend does not run schedules
     * @throws StoreUnavailableException when {@code schedules.yml} cannot be written; nothing changed then
     */
    ScheduleInfo schedule(Schedule schedule);

    /**
     * Removes the schedule of a task kept in {@code schedules.yml}; the task stays registered. Its dependencies, if
     * any, are kept.
     *
     * @throws UnknownScheduleException when the file keeps no schedule for the task (a schedule that its task's
     *         service property declares cannot be removed: pause or disable the task instead)
     * @throws StoreUnavailableException as for {@link #schedule}
     */
    void unschedule(String taskName);

    /** Every schedule, whatever its state, ordered by task name. */
    List<ScheduleInfo> schedules();

    /** The schedule of a task, if it has one. */
    Optional<ScheduleInfo> schedule(String taskName);

    /**
     * Declares the tasks that must run before {@code taskName} whenever it runs under the {@code dag} backend (the
     * seed's {@code DagCronScheduler}); an empty list removes them. Prerequisites need not be registered yet.
     *
     * @throws InvalidScheduleException when a name is not a valid task name or the declaration closes a cycle; the
     *         message names the cycle ({@code A -> B -> A})
     * @throws StoreUnavailableException as for {@link #schedule}
     */
    void setDependencies(String taskName, List<String> prerequisites);

    /**
     * Whether the configured backend is one that fires schedules ({@code cron}, {@code dag}); under another
     * ({@code base}) schedules are kept but do not fire, and {@link #schedule(Schedule)} is refused.
     */
    boolean firing();

    /** The declared prerequisites of each task that has any, from {@code schedules.yml} and service properties. */
    Map<String, List<String>> dependencies();
}
