package io.cascadence.shell.impl;

import java.util.ArrayList;
import java.util.List;

import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.PidReport;

/**
 * The configuration as lines, the same as {@code bin/task config} prints: {@code <pid> TAB <key> TAB <value> TAB
 * <source> TAB <live|at start>} for every key of every PID, then a {@code problem TAB <problem>} line per problem.
 */
final class ConfigLines {

    private ConfigLines() {
    }

    static List<String> lines(ConfigReport report) {
        List<String> lines = new ArrayList<>();
        for (PidReport pid : report.pids()) {
            pid.entries().forEach(entry -> lines.add(line(pid.pid(), entry)));
        }
        report.problems().forEach(p -> lines.add("problem\t" + p));
        return lines;
    }

    static String line(String pid, ConfigEntry entry) {
        String value = entry.value() == null ? "" : entry.value();
        String source = entry.origin() == null ? entry.source().label()
                : entry.source().label() + " (" + entry.origin() + ")";
        return pid + "\t" + entry.key() + "\t" + value + "\t" + source + "\t" + entry.applies().label();
    }
}
