package io.cascadence.core.impl.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The configuration PIDs Cascadence knows, one per bundle that reads configuration, in report order. PIDs of
 * bundles that are not part of the container yet are declared already, so that the seed's environment variables
 * and YAML keys for them keep working and show in every report.
 */
enum ConfigPid {
    CORE("io.cascadence"),
    WEB("io.cascadence.web"),
    SCHEDULER("io.cascadence.scheduler"),
    METRICS("io.cascadence.metrics"),
    TEMPORAL("io.cascadence.temporal"),
    CRONYX("io.cascadence.cronyx"),
    TRANSPORT("io.cascadence.transport");

    private final String pid;

    ConfigPid(String pid) {
        this.pid = pid;
    }

    /** The PID as ConfigAdmin and {@code config/<pid>.cfg} spell it. */
    String pid() {
        return pid;
    }

    static Optional<ConfigPid> of(String pid) {
        return Arrays.stream(values()).filter(p -> p.pid.equals(pid)).findFirst();
    }
}
