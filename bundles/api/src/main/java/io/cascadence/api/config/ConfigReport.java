package io.cascadence.api.config;

import java.util.List;
import java.util.Optional;

/**
 * The effective configuration of every Cascadence PID, as a user reads it.
 *
 * @param yamlFile the YAML file in use, or {@code null} when there is none
 * @param pids every configuration PID, the core's ({@code io.cascadence}) first, each with all of its keys
 * @param problems what was refused or ignored: values that do not parse (naming the key, the source, the value and
 *        what is accepted; the previous value of such a key stays in force), unknown keys, a second file for a PID,
 *        a YAML file that cannot be read
 */
public record ConfigReport(String yamlFile, List<PidReport> pids, List<String> problems) {

    public ConfigReport {
        pids = List.copyOf(pids);
        problems = List.copyOf(problems);
    }

    /** The report of one PID, if Cascadence knows it. */
    public Optional<PidReport> pid(String pid) {
        return pids.stream().filter(p -> p.pid().equals(pid)).findFirst();
    }

    /** The entry of {@code key}, whichever PID it belongs to (every key belongs to exactly one). */
    public Optional<ConfigEntry> entry(String key) {
        return pids.stream().flatMap(p -> p.entry(key).stream()).findFirst();
    }
}
