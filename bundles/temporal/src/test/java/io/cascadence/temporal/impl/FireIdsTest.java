package io.cascadence.temporal.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;

class FireIdsTest {

    private static final Instant DUE = Instant.parse("2026-01-01T09:30:00Z");

    private static RunRequest fire(String task, Trigger trigger, Instant due, String runId) {
        return new RunRequest(task, Identity.ANONYMOUS, null, trigger, due, runId);
    }

    @Test
    void aCronFireIsNamedByItsTaskAndDueTimeAlone() {
        assertThat(FireIds.of(fire("report", Trigger.CRON, DUE, null))).isEqualTo("cron-report-20260101T093000Z");
        assertThat(FireIds.of(fire("report", Trigger.CRON, DUE, null)))
                .isEqualTo(FireIds.of(fire("report", Trigger.CRON, DUE, null)));
        assertThat(FireIds.of(fire("report", Trigger.CRON, DUE.plusSeconds(60), null)))
                .isEqualTo("cron-report-20260101T093100Z");
    }

    @Test
    void otherRunsHaveNoFireId() {
        assertThat(FireIds.of(fire("report", Trigger.API, DUE, null))).isNull();
        assertThat(FireIds.of(fire("report", Trigger.CRON, null, null))).isNull();
        assertThat(FireIds.of(fire("report", Trigger.CRON, DUE, "mine"))).isNull();
    }

    @Test
    void aNameARunIdCannotHoldIsMadeSafeAndKeptApartByAHash() {
        String dotted = FireIds.of(fire("etl.daily", Trigger.CRON, DUE, null));
        String underscored = FireIds.of(fire("etl_daily", Trigger.CRON, DUE, null));
        assertThat(dotted).matches("cron-etl_daily-[0-9a-f]{8}-20260101T093000Z");
        assertThat(underscored).isEqualTo("cron-etl_daily-20260101T093000Z");
        String longName = FireIds.of(fire("x".repeat(200), Trigger.CRON, DUE, null));
        assertThat(longName.length()).isLessThanOrEqualTo(128);
        assertThat(new RunRequest("x", null, null, Trigger.CRON, DUE, longName).runId()).isEqualTo(longName);
    }
}
