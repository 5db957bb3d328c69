package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;

class SchedulerHealthTest {

    private static ScheduleInfo info(String task, String state, String next) {
        return new ScheduleInfo(Schedule.of(task, "0 * * * *"), ScheduleInfo.FILE, state, ZoneOffset.UTC,
                next == null ? null : Instant.parse(next));
    }

    @Test
    void countsSchedulesByStateAndGivesTheEarliestNextFire() {
        Map<String, Object> section = SchedulerHealth.of("cron", true, List.of(
                info("a", ScheduleInfo.ACTIVE, "2026-11-30T07:00:00Z"),
                info("b", ScheduleInfo.ACTIVE, "2026-11-30T06:00:00Z"),
                info("c", ScheduleInfo.WAITING_FOR_TASK, null)));

        assertThat(section).containsEntry("backend", "cron").containsEntry("state", "firing")
                .containsEntry("schedules", 3).containsEntry("active", 2L).containsEntry("waiting_for_task", 1L)
                .containsEntry("next_fire_at", "2026-11-30T06:00:00Z");
    }

    @Test
    void saysWhenTheBackendDoesNotFire() {
        Map<String, Object> section = SchedulerHealth.of("base", false, List.of(
                info("a", ScheduleInfo.NOT_RUN_BY_BACKEND, null)));

        assertThat(section.get("state")).asString().startsWith("not firing: backend 'base'");
        assertThat(section).containsEntry("not_run_by_backend", 1L).containsEntry("next_fire_at", null);
    }
}
