package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SyncWaitTest {

    @Test
    void secondsBecomeADurationAndWhatIsNotAPositiveNumberTheDefault() {
        assertThat(SyncWait.of(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SyncWait.of(2.5)).isEqualTo(Duration.ofMillis(2500));
        assertThat(SyncWait.of(0.0001)).isEqualTo(Duration.ofMillis(1));
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(SyncWait.of(bad)).as("%s", bad).isEqualTo(Duration.ofSeconds(30));
        }
        assertThat(SyncWait.seconds(Duration.ofMillis(2500))).isEqualTo("2.5");
        assertThat(SyncWait.seconds(Duration.ofSeconds(30))).isEqualTo("30");
    }
}
