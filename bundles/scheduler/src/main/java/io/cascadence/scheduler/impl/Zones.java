package io.cascadence.scheduler.impl;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The time zone of the scheduler's configuration. */
final class Zones {

    private static final Logger LOG = LoggerFactory.getLogger(Zones.class);

    private Zones() {
    }

    /**
     * The zone named, or UTC with a warning. The core checks the value before this bundle sees it; only a
     * configuration that did not pass through it (no core running) can be wrong here.
     */
    static ZoneId of(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException | NullPointerException e) {
            LOG.warn("Time zone '{}' of {} is not an IANA time zone such as UTC or Europe/Paris; using UTC", name,
                    SchedulerConfiguration.PID);
            return ZoneOffset.UTC;
        }
    }
}
