package io.cascadence.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsPortOptionTest {

    @Test
    void takesThePortInEitherSpellingAndLeavesTheRest() {
        assertThat(MetricsPortOption.parse(new String[] {"--metrics-port", "9100", "run", "example"}))
                .isEqualTo(new MetricsPortOption(9100, List.of("run", "example")));
        assertThat(MetricsPortOption.parse(new String[] {"--metrics-port=9100"}).port()).isEqualTo(9100);
        assertThat(MetricsPortOption.parse(new String[] {"list"})).isEqualTo(
                new MetricsPortOption(0, List.of("list")));
    }

    @Test
    void aValueThatIsNotAPortIsRefusedNamingIt() {
        assertThatThrownBy(() -> MetricsPortOption.parse(new String[] {"--metrics-port", "80a"}))
                .hasMessage("Invalid value for '--metrics-port': '80a' is not a port number from 1 to 65535.");
        assertThatThrownBy(() -> MetricsPortOption.parse(new String[] {"--metrics-port"}))
                .hasMessage("Option '--metrics-port' requires an argument.");
    }

    @Test
    void binCascadenceTakesNothingElse() {
        assertThat(Main.metricsPort(new String[] {})).isZero();
        assertThat(Main.metricsPort(new String[] {"--metrics-port", "9100"})).isEqualTo(9100);
        assertThatThrownBy(() -> Main.metricsPort(new String[] {"--metrics-port", "9100", "--shell"}))
                .hasMessage("Got unexpected argument '--shell'.");
    }
}
