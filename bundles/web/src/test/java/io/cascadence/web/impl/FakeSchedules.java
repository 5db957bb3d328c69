package io.cascadence.web.impl;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.Schedules;
import io.cascadence.api.schedule.SchedulingUnsupportedException;
import io.cascadence.api.schedule.UnknownScheduleException;

/**
 * A Schedules service in memory, keeping the interface's contract for what the routes rely on: the real one is
 * written beside these surfaces and is tested against a real container by the integration tests. Fire times are
 * computed from a fixed "now" in the scheduler zone UTC.
 */
final class FakeSchedules implements Schedules {

    static final Instant NOW = Instant.parse("2026-03-02T08:30:00Z");
    static final ZoneId SCHEDULER_ZONE = ZoneId.of("UTC");

    final Set<String> tasks;
    final Map<String, Schedule> kept = new TreeMap<>();
    final Map<String, List<String>> dependencies = new LinkedHashMap<>();
    /** The backend's name when it does not run schedules ({@code base}), else {@code null}. */
    String unsupportedBackend;

    FakeSchedules(String... tasks) {
        this.tasks = Set.of(tasks);
    }

    @Override
    public ScheduleInfo schedule(Schedule schedule) {
        if (!tasks.contains(schedule.taskName())) {
            throw new UnknownTaskException(schedule.taskName());
        }
        if (unsupportedBackend != null) {
            throw new SchedulingUnsupportedException(unsupportedBackend);
        }
        kept.put(schedule.taskName(), schedule);
        return info(schedule);
    }

    @Override
    public void unschedule(String taskName) {
        if (kept.remove(taskName) == null) {
            throw new UnknownScheduleException(taskName);
        }
    }

    @Override
    public List<ScheduleInfo> schedules() {
        return kept.values().stream().map(this::info).toList();
    }

    @Override
    public Optional<ScheduleInfo> schedule(String taskName) {
        return Optional.ofNullable(kept.get(taskName)).map(this::info);
    }

    @Override
    public void setDependencies(String taskName, List<String> prerequisites) {
        for (String before : prerequisites) {
            if (dependencies.getOrDefault(before, List.of()).contains(taskName)) {
                throw new InvalidScheduleException("the dependencies close a cycle: " + taskName + " -> " + before
                        + " -> " + taskName);
            }
        }
        dependencies.put(taskName, new ArrayList<>(prerequisites));
    }

    @Override
    public boolean firing() {
        return unsupportedBackend == null;
    }

    @Override
    public Map<String, List<String>> dependencies() {
        return dependencies;
    }

    private ScheduleInfo info(Schedule schedule) {
        boolean active = tasks.contains(schedule.taskName()) && unsupportedBackend == null;
        return new ScheduleInfo(schedule, ScheduleInfo.FILE,
                active ? ScheduleInfo.ACTIVE : ScheduleInfo.WAITING_FOR_TASK,
                schedule.effectiveZone(SCHEDULER_ZONE),
                active ? schedule.nextAfter(NOW, SCHEDULER_ZONE).orElse(null) : null);
    }
}
