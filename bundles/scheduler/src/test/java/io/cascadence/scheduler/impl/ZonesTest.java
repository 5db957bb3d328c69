package io.cascadence.scheduler.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ZonesTest {

    @Test
    void anIanaZoneIsTakenAsNamed() {
        assertThat(Zones.of(" Asia/Tokyo ")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void anUnknownZoneFallsBackToUtc() {
        assertThat(Zones.of("Mars/Olympus_Mons")).isEqualTo(ZoneOffset.UTC);
        assertThat(Zones.of(null)).isEqualTo(ZoneOffset.UTC);
    }
}
