package io.cascadence.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeInfoTest {

    private static String baseUrl(String host) {
        return new RuntimeInfo(1, host, 8000, "container").baseUrl();
    }

    @Test
    void wildcardBindIsReachedOnLoopback() {
        assertThat(baseUrl("0.0.0.0")).isEqualTo("http://127.0.0.1:8000");
        assertThat(baseUrl("::")).isEqualTo("http://127.0.0.1:8000");
        assertThat(baseUrl("")).isEqualTo("http://127.0.0.1:8000");
    }

    @Test
    void ipv6AddressIsBracketed() {
        assertThat(baseUrl("::1")).isEqualTo("http://[::1]:8000");
        assertThat(baseUrl("fe80::1")).isEqualTo("http://[fe80::1]:8000");
    }

    @Test
    void otherHostsAreKept() {
        assertThat(baseUrl("127.0.0.1")).isEqualTo("http://127.0.0.1:8000");
        assertThat(baseUrl("cascadence.internal")).isEqualTo("http://cascadence.internal:8000");
    }
}
