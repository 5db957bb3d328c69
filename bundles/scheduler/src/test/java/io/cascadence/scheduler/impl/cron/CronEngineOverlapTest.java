package io.cascadence.scheduler.impl.cron;

import static io.cascadence.scheduler.impl.cron.EngineFixture.at;
import static io.cascadence.scheduler.impl.cron.EngineFixture.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.scheduler.impl.cron.FireTarget.Fire;
import io.cascadence.scheduler.impl.cron.FireTarget.Kind;

/** Runs are held until the test ends them, as a long run would be. */
class CronEngineOverlapTest {

    private final EngineFixture f = new EngineFixture("2026-06-01T10:05:00Z");

    @BeforeEach
    void holdRuns() {
        f.target.holdRuns();
    }

    @Test
    void skipDropsFiresWhileThePreviousRunIsStillRunning() {
        f.engine.put(schedule("slow", "*/10 * * * *", OverlapPolicy.SKIP));
        f.startFresh();

        f.advanceTo("2026-06-01T10:25:00Z");
        f.target.finish(0);
        f.advanceTo("2026-06-01T10:35:00Z");

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T10:10:00Z"), at("2026-06-01T10:30:00Z"));
        assertThat(f.target.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.fire().due()).isEqualTo(at("2026-06-01T10:20:00Z"));
            assertThat(skip.reason()).isEqualTo("the previous run (due 2026-06-01T10:10:00Z) is still running "
                    + "(overlap policy skip)");
        });
    }

    @Test
    void queueOneKeepsOneFireAndRunsItWhenThePreviousRunEnds() {
        f.engine.put(schedule("slow", "*/10 * * * *", OverlapPolicy.QUEUE_ONE));
        f.startFresh();

        f.advanceTo("2026-06-01T10:35:00Z");
        f.target.finish(0);

        assertThat(f.target.fired).extracting(Fire::due, Fire::kind, Fire::lateness).containsExactly(
                tuple(at("2026-06-01T10:10:00Z"), Kind.ON_TIME, Duration.ZERO),
                tuple(at("2026-06-01T10:20:00Z"), Kind.QUEUED, Duration.ofMinutes(15)));
        assertThat(f.target.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.fire().due()).isEqualTo(at("2026-06-01T10:30:00Z"));
            assertThat(skip.reason()).contains("the fire due 2026-06-01T10:20:00Z already waits");
        });
    }

    @Test
    void allowRunsBesideThePreviousRun() {
        f.engine.put(schedule("parallel", "*/10 * * * *", OverlapPolicy.ALLOW));
        f.startFresh();

        f.advanceTo("2026-06-01T10:35:00Z");

        assertThat(f.target.fired).hasSize(3);
        assertThat(f.target.skipped).isEmpty();
    }

    @Test
    void aReplacedScheduleStillSeesTheRunItsPredecessorStarted() {
        f.engine.put(schedule("slow", "*/10 * * * *"));
        f.startFresh();
        f.advanceTo("2026-06-01T10:15:00Z");

        f.engine.put(schedule("slow", "*/5 * * * *"));
        f.advanceTo("2026-06-01T10:21:00Z");

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T10:10:00Z"));
        assertThat(f.target.skipped).extracting(skip -> skip.fire().due())
                .containsExactly(at("2026-06-01T10:20:00Z"));
    }

    @Test
    void aWaitingFireOfARemovedScheduleIsReportedAndNeverRuns() {
        f.engine.put(schedule("slow", "*/10 * * * *", OverlapPolicy.QUEUE_ONE));
        f.startFresh();
        f.advanceTo("2026-06-01T10:25:00Z");

        f.engine.remove("slow");
        f.target.finish(0);

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T10:10:00Z"));
        assertThat(f.target.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.fire().due()).isEqualTo(at("2026-06-01T10:20:00Z"));
            assertThat(skip.reason()).contains("schedule was removed");
        });
    }

    @Test
    void aRefusedFireDoesNotCountAsRunning() {
        f.engine.put(schedule("flaky", "*/10 * * * *"));
        f.startFresh();
        f.target.refuseWith(fire -> fire.due().equals(at("2026-06-01T10:10:00Z"))
                ? new io.cascadence.api.CascadenceException("queue full") : null);

        f.advanceTo("2026-06-01T10:25:00Z");

        assertThat(f.target.dueTimes()).containsExactly(at("2026-06-01T10:20:00Z"));
        assertThat(f.target.skipped).extracting(RecordingTarget.Skip::reason).containsExactly("queue full");
    }
}
