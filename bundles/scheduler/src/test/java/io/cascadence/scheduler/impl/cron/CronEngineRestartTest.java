package io.cascadence.scheduler.impl.cron;

import static io.cascadence.scheduler.impl.cron.EngineFixture.at;
import static io.cascadence.scheduler.impl.cron.EngineFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.scheduler.impl.cron.FireTarget.Fire;
import io.cascadence.scheduler.impl.cron.FireTarget.Kind;

/** Cascadence was stopped from 05:00 (the last watermark) to 10:20: the hourly fires 06:00 to 10:00 were missed. */
class CronEngineRestartTest {

    private static final Instant LAST_CHECKED = at("2026-11-30T05:00:00Z");

    private final EngineFixture f = new EngineFixture("2026-11-30T10:20:00Z");

    private void restart(Map<String, Instant> lastDue) {
        f.engine.start(LAST_CHECKED, task -> Optional.ofNullable(lastDue.get(task)));
    }

    @Test
    void skipReportsHowManyFiresWereMissedAndWhen() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.SKIP));

        restart(Map.of());

        assertThat(f.target.fired).isEmpty();
        assertThat(f.target.skipped).singleElement().satisfies(skip -> assertThat(skip.reason())
                .isEqualTo("missed 5 fires due from 2026-11-30T06:00:00Z to 2026-11-30T10:00:00Z; misfire policy "
                        + "skip does not run them"));
        f.advanceTo("2026-11-30T11:00:00Z");
        assertThat(f.target.dueTimes()).containsExactly(at("2026-11-30T11:00:00Z"));
    }

    @Test
    void runOnceRunsOneCatchUpDueAtTheLatestMissedTime() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ONCE));

        restart(Map.of());

        assertThat(f.target.fired).singleElement().satisfies(fire -> {
            assertThat(fire.due()).isEqualTo(at("2026-11-30T10:00:00Z"));
            assertThat(fire.kind()).isEqualTo(Kind.CATCH_UP);
            assertThat(fire.lateness()).isEqualTo(Duration.ofMinutes(20));
        });
    }

    @Test
    void runAllRunsOneCatchUpPerMissedTimeOldestFirst() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ALL));

        restart(Map.of());

        assertThat(f.target.dueTimes()).containsExactly(at("2026-11-30T06:00:00Z"), at("2026-11-30T07:00:00Z"),
                at("2026-11-30T08:00:00Z"), at("2026-11-30T09:00:00Z"), at("2026-11-30T10:00:00Z"));
        assertThat(f.target.fired).extracting(Fire::kind).containsOnly(Kind.CATCH_UP);
    }

    @Test
    void runAllStopsAtMaxCatchUpAndReportsTheRest() {
        EngineFixture capped = new EngineFixture("2026-11-30T10:20:00Z", new EngineSettings(Duration.ofSeconds(60), 2));
        capped.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ALL));

        capped.engine.start(LAST_CHECKED, task -> Optional.empty());

        assertThat(capped.target.dueTimes()).containsExactly(at("2026-11-30T06:00:00Z"), at("2026-11-30T07:00:00Z"));
        assertThat(capped.target.skipped).singleElement().satisfies(skip -> assertThat(skip.reason())
                .isEqualTo("missed 3 further fires due after 2026-11-30T07:00:00Z up to 2026-11-30T10:00:00Z: "
                        + "misfire policy run_all catches up at most 2 (max catch-up)"));
    }

    @Test
    void aFireAlreadyInTheRunHistoryIsNotRunAgain() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ALL));
        f.engine.put(schedule("daily", "0 10 * * *", MisfirePolicy.RUN_ONCE));

        // 08:00 and 10:00 were submitted after the last watermark write, just before the crash.
        restart(Map.of("hourly", at("2026-11-30T08:00:00Z"), "daily", at("2026-11-30T10:00:00Z")));

        assertThat(f.target.dueTimes("hourly")).containsExactly(at("2026-11-30T09:00:00Z"),
                at("2026-11-30T10:00:00Z"));
        assertThat(f.target.dueTimes("daily")).isEmpty();
    }

    @Test
    void aFirstStartCatchesNothingUpAndRecordsAWatermark() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ALL));

        f.startFresh();

        assertThat(f.target.fired).isEmpty();
        assertThat(f.watermarks).containsExactly(at("2026-11-30T10:20:00Z"));
        assertThat(f.engine.nextFire("hourly")).contains(at("2026-11-30T11:00:00Z"));
    }

    @Test
    void missedFiresOfSeveralSchedulesReachTheTargetInDueOrder() {
        f.engine.put(schedule("a", "30 * * * *", MisfirePolicy.RUN_ALL));
        f.engine.put(schedule("b", "0 * * * *", MisfirePolicy.RUN_ALL));

        restart(Map.of());

        assertThat(f.target.dueTimes()).isSorted().hasSize(10);
    }

    @Test
    void aVeryLongOutageIsCountedBoundedAndStillNamesTheLatestMissedTime() {
        f.engine.put(schedule("minutely", "* * * * *", MisfirePolicy.SKIP));
        f.engine.put(schedule("catch-up", "* * * * *", MisfirePolicy.RUN_ONCE));

        f.engine.start(at("2026-11-20T00:00:00Z"), task -> Optional.empty());

        assertThat(f.target.skipped).singleElement().satisfies(skip -> assertThat(skip.reason())
                .startsWith("missed more than 1000 fires due from 2026-11-20T00:01:00Z to 2026-11-30T10:20:00Z"));
        assertThat(f.target.dueTimes("catch-up")).containsExactly(at("2026-11-30T10:20:00Z"));
    }

    @Test
    void startedInactiveItCatchesUpOnActivation() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ONCE));
        f.engine.setActive(false);
        restart(Map.of());
        assertThat(f.target.fired).isEmpty();

        f.engine.setActive(true);
        f.timer.advance(Duration.ZERO);

        assertThat(f.target.fired).singleElement().satisfies(fire -> {
            assertThat(fire.due()).isEqualTo(at("2026-11-30T10:00:00Z"));
            assertThat(fire.kind()).isEqualTo(Kind.CATCH_UP);
        });
    }

    @Test
    void aScheduleWhoseTaskAppearsAfterTheStartCatchesUpWhenRestored() {
        restart(Map.of("late", at("2026-11-30T07:00:00Z")));
        assertThat(f.target.fired).isEmpty();

        f.engine.put(schedule("late", "0 * * * *", MisfirePolicy.RUN_ONCE), true);

        assertThat(f.target.fired).singleElement().satisfies(fire -> {
            assertThat(fire.due()).isEqualTo(at("2026-11-30T10:00:00Z"));
            assertThat(fire.kind()).isEqualTo(Kind.CATCH_UP);
        });
    }

    @Test
    void aScheduleCreatedAfterTheStartCatchesNothingUp() {
        restart(Map.of());

        f.engine.put(schedule("created", "0 * * * *", MisfirePolicy.RUN_ALL));

        assertThat(f.target.fired).isEmpty();
        assertThat(f.engine.nextFire("created")).contains(at("2026-11-30T11:00:00Z"));
    }

    @Test
    void tickMovesTheWatermarkToNowWhileNothingIsDue() {
        f.engine.put(schedule("daily", "0 3 * * *", MisfirePolicy.RUN_ONCE));
        restart(Map.of());
        f.watermarks.clear();

        f.clock.set(at("2026-11-30T10:21:00Z"));
        f.engine.tick();
        f.engine.tick();

        assertThat(f.watermarks).containsExactly(at("2026-11-30T10:21:00Z"));
    }

    @Test
    void runAllRunsEveryMissedFireEvenUnderOverlapSkip() {
        f.target.holdRuns();
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ALL)); // overlap: skip, the default

        restart(Map.of());

        assertThat(f.target.dueTimes()).hasSize(5);
        assertThat(f.target.skipped).isEmpty();
    }
}
