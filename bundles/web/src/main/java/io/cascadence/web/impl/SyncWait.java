package io.cascadence.web.impl;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code sync_wait} as a duration: how long a synchronous run request waits for its result. */
final class SyncWait {

    static final Duration DEFAULT = Duration.ofSeconds(30);

    private SyncWait() {
    }

    /**
     * The core checks the value before this bundle sees it; one that did not pass through it (no core running) and
     * is not a positive number of seconds gives the default.
     */
    static Duration of(double seconds) {
        if (!(seconds > 0) || !Double.isFinite(seconds) || seconds > 1e9) {
            return DEFAULT;
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** Seconds as a user writes them: {@code 30}, {@code 2.5}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
