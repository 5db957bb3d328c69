package io.cascadence.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;

/** task:schedule and task:schedules print what bin/task prints: the original's columns first. */
class ScheduleLinesTest {

    private static final Instant NEXT = Instant.parse("2026-03-03T08:00:00Z");

    @Test
    void scheduledIsTheOriginalsLineThenTheNextFireInUtc() {
        ScheduleInfo info = new ScheduleInfo(Schedule.of("report", "0 9 * * mon-fri"), ScheduleInfo.FILE,
                ScheduleInfo.ACTIVE, ZoneId.of("UTC"), NEXT);

        assertThat(ScheduleLines.scheduled(info))
                .isEqualTo("report scheduled: 0 9 * * MON-FRI\nnext fire: 2026-03-03T08:00:00Z");
    }

    @Test
    void aScheduleThatDoesNotFireNowSaysWhy() {
        ScheduleInfo info = new ScheduleInfo(Schedule.of("report", "@daily"), ScheduleInfo.FILE,
                ScheduleInfo.NOT_RUN_BY_BACKEND, ZoneId.of("UTC"), null);

        assertThat(ScheduleLines.scheduled(info)).endsWith("\nnext fire: - (not_run_by_backend)");
        assertThat(ScheduleLines.line(info)).isEqualTo("report\t@daily\t-");
    }

    @Test
    void theZoneIsAFourthColumnOnlyWhenTheScheduleHasItsOwn() {
        ScheduleInfo own = new ScheduleInfo(Schedule.of("report", "0 9 * * *").withZone(ZoneId.of("Europe/Paris")),
                ScheduleInfo.SERVICE, ScheduleInfo.ACTIVE, ZoneId.of("Europe/Paris"), NEXT);
        ScheduleInfo following = new ScheduleInfo(Schedule.of("backup", "0 3 * * *"), ScheduleInfo.FILE,
                ScheduleInfo.ACTIVE, ZoneId.of("Europe/Paris"), NEXT);

        assertThat(ScheduleLines.line(own)).isEqualTo("report\t0 9 * * *\t2026-03-03T08:00:00Z\tEurope/Paris");
        assertThat(ScheduleLines.line(following)).isEqualTo("backup\t0 3 * * *\t2026-03-03T08:00:00Z");
    }
}
