package io.cascadence.api.config;

import java.util.List;
import java.util.Optional;

/**
 * The effective configuration of one configuration PID.
 *
 * @param pid the PID, such as {@code io.cascadence.web}; its file is {@code config/<pid>.cfg}
 * @param file the file in {@code config/} whose values are in force for this PID, or {@code null} when there is
 *        none (then only defaults, the YAML file and environment variables apply)
 * @param entries every key of the PID, in a stable documented order
 */
public record PidReport(String pid, String file, List<ConfigEntry> entries) {

    public PidReport {
        entries = List.copyOf(entries);
    }

    /** The entry of {@code key}, if the key belongs to this PID. */
    public Optional<ConfigEntry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
