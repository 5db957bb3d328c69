package io.cascadence.scheduler.impl.book;

import java.util.List;
import java.util.Objects;

import io.cascadence.api.schedule.Schedule;

/**
 * What {@code schedules.yml} keeps for one task: a schedule, prerequisites, or both.
 *
 * @param task the task name (the file's key)
 * @param schedule the schedule, its identity holding the plain ids, or {@code null} when the entry only declares
 *        prerequisites
 * @param deps the prerequisites, in the order declared; never {@code null}
 * @param userHash a {@code user_hash} read from the file whose plain id is not known (the sidecar lost it), kept so
 *        that rewriting the file does not drop it; {@code null} otherwise
 * @param groupHash likewise for {@code group_hash}
 */
public record BookEntry(String task, Schedule schedule, List<String> deps, String userHash, String groupHash) {

    public BookEntry {
        Objects.requireNonNull(task, "task");
        deps = deps == null ? List.of() : List.copyOf(deps);
    }

    /** An entry holding {@code schedule} and no prerequisites. */
    public static BookEntry of(Schedule schedule) {
        return new BookEntry(schedule.taskName(), schedule, List.of(), null, null);
    }

    /** This entry with another schedule ({@code null}: none); hashes of an unknown identity go with the old one. */
    public BookEntry withSchedule(Schedule value) {
        return new BookEntry(task, value, deps, null, null);
    }

    public BookEntry withDeps(List<String> value) {
        return new BookEntry(task, schedule, value, userHash, groupHash);
    }

    /** Whether it keeps nothing, so that it leaves the file. */
    public boolean isEmpty() {
        return schedule == null && deps.isEmpty();
    }
}
