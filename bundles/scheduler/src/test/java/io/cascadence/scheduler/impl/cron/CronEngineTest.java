package io.cascadence.scheduler.impl.cron;

import static io.cascadence.scheduler.impl.cron.EngineFixture.at;
import static io.cascadence.scheduler.impl.cron.EngineFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.scheduler.impl.cron.FireTarget.Fire;
import io.cascadence.scheduler.impl.cron.FireTarget.Kind;

class CronEngineTest {

    private final EngineFixture f = new EngineFixture("2026-06-01T10:07:00Z");

    @Test
    void firesAtEachDueInstantOverSeveralHours() {
        f.engine.put(schedule("report", "*/30 * * * *"));
        f.startFresh();

        f.advanceTo("2026-06-01T13:07:00Z");

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T10:30:00Z"), at("2026-06-01T11:00:00Z"),
                at("2026-06-01T11:30:00Z"), at("2026-06-01T12:00:00Z"), at("2026-06-01T12:30:00Z"),
                at("2026-06-01T13:00:00Z"));
        assertThat(f.target.fired).allSatisfy(fire -> {
            assertThat(fire.kind()).isEqualTo(Kind.ON_TIME);
            assertThat(fire.lateness()).isZero();
        });
        assertThat(f.engine.nextFire("report")).contains(at("2026-06-01T13:30:00Z"));
    }

    @Test
    void nothingFiresBeforeStart() {
        f.engine.put(schedule("report", "*/30 * * * *"));

        f.advanceTo("2026-06-01T12:00:00Z");

        assertThat(f.target.fired).isEmpty();
    }

    @Test
    void aScheduleWithoutZoneFollowsTheSchedulerZoneAndItsChanges() {
        f.engine.setSchedulerZone(ZoneId.of("Asia/Tokyo"));
        f.engine.put(schedule("follows", "0 9 * * *"));
        f.engine.put(schedule("paris", "0 9 * * *").withZone(ZoneId.of("Europe/Paris")));
        f.startFresh();
        assertThat(f.engine.nextFire("follows")).contains(at("2026-06-02T00:00:00Z"));
        assertThat(f.engine.nextFire("paris")).contains(at("2026-06-02T07:00:00Z"));

        f.engine.setSchedulerZone(ZoneId.of("America/New_York"));
        f.advanceTo("2026-06-02T14:00:00Z");

        assertThat(f.target.dueTimes("follows")).containsExactly(at("2026-06-01T13:00:00Z"),
                at("2026-06-02T13:00:00Z"));
        assertThat(f.target.dueTimes("paris")).containsExactly(at("2026-06-02T07:00:00Z"));
    }

    @Test
    void aTimeInTheSpringGapFiresOnceWhenTheClocksHaveGoneForward() {
        EngineFixture paris = new EngineFixture("2026-03-28T12:00:00Z");
        paris.engine.setSchedulerZone(ZoneId.of("Europe/Paris"));
        paris.engine.put(schedule("night", "30 2 * * *"));
        paris.startFresh();

        paris.advanceTo("2026-03-30T12:00:00Z");

        // 02:30 does not exist on 29 March: 03:00 CEST (01:00 UTC); the next day 02:30 CEST is 00:30 UTC.
        assertThat(paris.target.dueTimes()).containsExactly(at("2026-03-29T01:00:00Z"), at("2026-03-30T00:30:00Z"));
    }

    @Test
    void aRefusedFireIsReportedAndLaterFiresStillHappen() {
        f.engine.put(schedule("paused", "0 * * * *"));
        f.startFresh();
        f.target.refuseWith(fire -> fire.due().equals(at("2026-06-01T11:00:00Z"))
                ? new CascadenceException("task 'paused' is paused") : null);

        f.advanceTo("2026-06-01T12:30:00Z");

        assertThat(f.target.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.fire().due()).isEqualTo(at("2026-06-01T11:00:00Z"));
            assertThat(skip.reason()).isEqualTo("task 'paused' is paused");
        });
        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T12:00:00Z"));
    }

    @Test
    void aFireThatThrowsSomethingElseIsReportedToo() {
        f.engine.put(schedule("buggy", "0 * * * *"));
        f.startFresh();
        f.target.refuseWith(fire -> fire.due().getEpochSecond() % 7200 == 0 ? new IllegalStateException("bug") : null);

        f.advanceTo("2026-06-01T12:30:00Z");

        assertThat(f.target.skipped).extracting(RecordingTarget.Skip::reason)
                .singleElement().asString().contains("could not be started", "bug");
        assertThat(f.target.fired).hasSize(1);
    }

    @Test
    void aRemovedScheduleStopsFiringAndAReplacedOneFiresOnItsNewTimes() {
        f.engine.put(schedule("job", "0 * * * *"));
        f.startFresh();
        f.advanceTo("2026-06-01T11:10:00Z");

        f.engine.remove("job");
        f.advanceTo("2026-06-01T13:10:00Z");
        assertThat(f.engine.nextFire("job")).isEmpty();

        f.engine.put(schedule("job", "0 * * * *"));
        f.engine.put(schedule("job", "45 * * * *"));
        f.advanceTo("2026-06-01T14:50:00Z");

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T11:00:00Z"), at("2026-06-01T13:45:00Z"),
                at("2026-06-01T14:45:00Z"));
    }

    @Test
    void whileInactiveNothingFiresAndOnReactivationMissedFiresFollowTheMisfirePolicy() {
        f.engine.put(schedule("hourly", "0 * * * *", MisfirePolicy.RUN_ONCE));
        f.startFresh();
        f.advanceTo("2026-06-01T11:10:00Z");

        f.engine.setActive(false);
        f.advanceTo("2026-06-01T14:00:30Z");
        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T11:00:00Z"));

        f.engine.setActive(true);
        f.timer.advance(Duration.ZERO);

        // 12:00, 13:00 and 14:00 all came due while inactive, however recent the last: one catch-up (run_once).
        List<Fire> after = f.target.fired.subList(1, f.target.fired.size());
        assertThat(after).extracting(Fire::due, Fire::kind, Fire::lateness).containsExactly(
                tuple(at("2026-06-01T14:00:00Z"), Kind.CATCH_UP, Duration.ofSeconds(30)));
        f.advanceTo("2026-06-01T15:00:00Z");
        assertThat(f.target.dueTimes()).last().isEqualTo(at("2026-06-01T15:00:00Z"));
    }

    @Test
    void aWakeUpFarBeyondTheThresholdMissesTheFiresItSlept() {
        f.engine.put(schedule("once", "0 * * * *", MisfirePolicy.RUN_ONCE));
        f.engine.put(schedule("all", "0 * * * *", MisfirePolicy.RUN_ALL));
        f.engine.put(schedule("skip", "0 * * * *", MisfirePolicy.SKIP));
        f.startFresh();

        f.timer.jump(Duration.ofHours(3)); // 10:07 -> 13:07, as after a suspend

        assertThat(f.target.dueTimes("once")).containsExactly(at("2026-06-01T13:00:00Z"));
        assertThat(f.target.dueTimes("all")).containsExactly(at("2026-06-01T11:00:00Z"),
                at("2026-06-01T12:00:00Z"), at("2026-06-01T13:00:00Z"));
        assertThat(f.target.fired).allSatisfy(fire -> assertThat(fire.kind()).isEqualTo(Kind.CATCH_UP));
        assertThat(f.target.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.fire().taskName()).isEqualTo("skip");
            assertThat(skip.reason()).isEqualTo("missed 3 fires due from 2026-06-01T11:00:00Z to "
                    + "2026-06-01T13:00:00Z; misfire policy skip does not run them");
        });
        assertThat(f.engine.nextFire("skip")).contains(at("2026-06-01T14:00:00Z"));
    }

    @Test
    void aFireLateByLessThanTheThresholdJustRunsWithItsLateness() {
        f.engine.put(schedule("job", "0 * * * *", MisfirePolicy.SKIP));
        f.startFresh();

        f.timer.jump(Duration.ofMinutes(53).plusSeconds(59)); // 11:00:59

        assertThat(f.target.fired).singleElement().satisfies(fire -> {
            assertThat(fire.kind()).isEqualTo(Kind.ON_TIME);
            assertThat(fire.lateness()).isEqualTo(Duration.ofSeconds(59));
        });
        assertThat(f.target.skipped).isEmpty();
    }

    @Test
    void theWatermarkIsReportedOncePerBatchNotPerFire() {
        for (int i = 0; i < 500; i++) {
            f.engine.put(schedule("task-" + i, "0 * * * *"));
        }
        f.startFresh();

        f.advanceTo("2026-06-01T11:30:00Z");

        assertThat(f.target.fired).hasSize(500);
        assertThat(f.watermarks).containsExactly(at("2026-06-01T10:07:00Z"), at("2026-06-01T11:00:00Z"));
    }

    @Test
    void afterStopNothingFires() {
        f.engine.put(schedule("job", "*/5 * * * *"));
        f.startFresh();
        f.advanceTo("2026-06-01T10:12:00Z");

        f.engine.stop();
        f.advanceTo("2026-06-01T12:00:00Z");

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T10:10:00Z"));
        assertThat(f.timer.pending()).isZero();
    }

    @Test
    void anExpressionThatNeverFiresAgainLeavesTheQueue() {
        // 29 February 2028 is the next: beyond a year, but within what CronExpression looks at.
        f.engine.put(schedule("leap", "0 0 29 2 *"));
        f.startFresh();

        assertThat(f.engine.nextFire("leap")).contains(at("2028-02-29T00:00:00Z"));
    }
}
