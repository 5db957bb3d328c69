package io.cascadence.api.config;

import java.util.List;

/**
 * The effective configuration as a user reads it.
 *
 * @param pid the configuration PID
 * @param yamlFile the YAML file in use, or {@code null} when there is none
 * @param entries every key, in a stable documented order
 * @param problems values that were refused, each naming the key, the source, the value and what is accepted;
 *        the previous value of such a key stays in force
 */
public record ConfigReport(String pid, String yamlFile, List<ConfigEntry> entries, List<String> problems) {

    public ConfigReport {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
