package io.cascadence.scheduler.impl.cron;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;

/** An engine on a settable clock and a manual timer, handing over on the test's thread. */
class EngineFixture {

    final SettableClock clock;
    final ManualTimer timer;
    final RecordingTarget target = new RecordingTarget();
    final List<Instant> watermarks = new ArrayList<>();
    final CronEngine engine;

    EngineFixture(String now) {
        this(now, EngineSettings.DEFAULTS);
    }

    EngineFixture(String now, EngineSettings settings) {
        clock = new SettableClock(Instant.parse(now));
        timer = new ManualTimer(clock);
        engine = new CronEngine(clock, timer, Runnable::run, target, settings, watermarks::add);
    }

    void startFresh() {
        engine.start(null, task -> Optional.empty());
    }

    void advanceTo(String instant) {
        timer.advanceTo(Instant.parse(instant));
    }

    static Schedule schedule(String task, String expression) {
        return Schedule.of(task, expression);
    }

    static Schedule schedule(String task, String expression, MisfirePolicy misfire) {
        return Schedule.of(task, expression).withMisfire(misfire);
    }

    static Schedule schedule(String task, String expression, OverlapPolicy overlap) {
        return Schedule.of(task, expression).withOverlap(overlap);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
