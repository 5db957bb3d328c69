package io.cascadence.scheduler.impl.cron;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link CronEngine} treats late and missed fires.
 *
 * @param misfireThreshold how late a fire may be handed over and still count as on time (Quartz's
 *        {@code misfireThreshold}); a fire later than this is missed and follows its schedule's misfire policy
 * @param maxCatchUp the most catch-up runs one schedule gets under {@code misfire: run_all} at one time; the
 *        fires beyond it are reported as skipped
 */
public record EngineSettings(Duration misfireThreshold, int maxCatchUp) {

    /** A misfire threshold of 60 seconds and at most 100 catch-up runs per schedule. */
    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofSeconds(60), 100);

    /** @throws IllegalArgumentException for a negative threshold or a {@code maxCatchUp} below 1 */
    public EngineSettings {
        Objects.requireNonNull(misfireThreshold, "misfireThreshold");
        if (misfireThreshold.isNegative()) {
            throw new IllegalArgumentException("misfire threshold " + misfireThreshold + " is negative: expected "
                    + "zero or more, such as PT60S");
        }
        if (maxCatchUp < 1) {
            throw new IllegalArgumentException("max catch-up " + maxCatchUp + " is not accepted: expected 1 or more");
        }
    }
}
