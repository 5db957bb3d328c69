package io.cascadence.web.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.cascadence.api.schedule.ScheduleInfo;

/**
 * The {@code scheduler} section of {@code /health}: the configured backend, whether this container fires cron
 * schedules under it, how many schedules are kept in each state, and the next fire time of all.
 */
final class SchedulerHealth {

    private SchedulerHealth() {
    }

    /**
     * @param backend the configured backend's name
     * @param firing whether it fires schedules ({@code Schedules.firing()})
     * @param schedules every schedule, or {@code null} when the scheduler bundle is not there
     */
    static Map<String, Object> of(String backend, boolean firing, List<ScheduleInfo> schedules) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("backend", backend);
        if (schedules == null) {
            section.put("state", "schedules unavailable: the scheduler bundle is not active");
            return section;
        }
        section.put("state", firing ? "firing" : "not firing: backend '" + backend + "' does not run "
                + "schedules");
        section.put("schedules", schedules.size());
        section.put(ScheduleInfo.ACTIVE, count(schedules, ScheduleInfo.ACTIVE));
        section.put(ScheduleInfo.WAITING_FOR_TASK, count(schedules, ScheduleInfo.WAITING_FOR_TASK));
        section.put(ScheduleInfo.NOT_RUN_BY_BACKEND, count(schedules, ScheduleInfo.NOT_RUN_BY_BACKEND));
        section.put("next_fire_at", schedules.stream().map(ScheduleInfo::nextFireAt).filter(Objects::nonNull)
                .min(Instant::compareTo).map(Instant::toString).orElse(null));
        return section;
    }

    private static long count(List<ScheduleInfo> schedules, String state) {
        return schedules.stream().filter(info -> state.equals(info.state())).count();
    }
}
