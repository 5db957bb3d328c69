package io.cascadence.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void httpPortDefaultsTo8000() {
        assertThat(Main.httpPort(Map.of())).isEqualTo(8000);
        assertThat(Main.httpPort(Map.of("CASCADENCE_HTTP_PORT", "  "))).isEqualTo(8000);
    }

    @Test
    void httpPortTakesAValidValue() {
        assertThat(Main.httpPort(Map.of("CASCADENCE_HTTP_PORT", "8123"))).isEqualTo(8123);
        assertThat(Main.httpPort(Map.of("CASCADENCE_HTTP_PORT", " 65535 "))).isEqualTo(65535);
        assertThat(Main.httpPort(Map.of("CASCADENCE_HTTP_PORT", "1"))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "70000", "-1", "80.5"})
    void invalidHttpPortIsRefusedNamingVariableAndValue(String value) {
        assertThatThrownBy(() -> Main.httpPort(Map.of("CASCADENCE_HTTP_PORT", value)))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("CASCADENCE_HTTP_PORT")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("1 to 65535");
    }

    @Test
    void httpHostDefaultsToLoopback() {
        assertThat(Main.httpHost(Map.of())).isEqualTo("127.0.0.1");
        assertThat(Main.httpHost(Map.of("CASCADENCE_HTTP_HOST", ""))).isEqualTo("127.0.0.1");
    }

    @Test
    void httpHostTakesTheGivenAddress() {
        assertThat(Main.httpHost(Map.of("CASCADENCE_HTTP_HOST", " 0.0.0.0 "))).isEqualTo("0.0.0.0");
    }
}
