package io.cascadence.scheduler.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CronSchedulerTest {

    private static SchedulerConfiguration zone(String timezone) {
        return new SchedulerConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SchedulerConfiguration.class;
            }

            @Override
            public String timezone() {
                return timezone;
            }
        };
    }

    @Test
    void takesItsTimeZoneFromItsConfigurationAndFollowsChanges() {
        CronScheduler scheduler = new CronScheduler(null, zone("Asia/Tokyo"));
        assertThat(scheduler.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));

        scheduler.modified(zone("Europe/Paris"));

        assertThat(scheduler.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void aZoneThatDidNotPassThroughTheCoreFallsBackToUtc() {
        CronScheduler scheduler = new CronScheduler(null, zone("Mars/Olympus_Mons"));

        assertThat(scheduler.zone()).isEqualTo(ZoneOffset.UTC);
    }
}
