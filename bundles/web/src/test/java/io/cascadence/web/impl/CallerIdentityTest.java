package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;

class CallerIdentityTest {

    @Test
    void headersNameTheCaller() {
        assertThat(CallerIdentity.of("alice", null, "family", null)).isEqualTo(new Identity("alice", "family"));
    }

    @Test
    void queryParametersAsTheSeedsReadmeSendsThemNameTheCallerWithoutHeaders() {
        assertThat(CallerIdentity.of(null, "alice", null, "family")).isEqualTo(new Identity("alice", "family"));
    }

    @Test
    void eachHeaderWinsOverItsQueryParameter() {
        assertThat(CallerIdentity.of("bob", "alice", null, "family")).isEqualTo(new Identity("bob", "family"));
        assertThat(CallerIdentity.of(null, "alice", "work", "family")).isEqualTo(new Identity("alice", "work"));
    }

    @Test
    void anEmptyHeaderCountsAsNone() {
        assertThat(CallerIdentity.of(" ", "alice", "", "family")).isEqualTo(new Identity("alice", "family"));
        assertThat(CallerIdentity.of(null, "", null, null).userId()).isNull();
    }
}
