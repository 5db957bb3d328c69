package io.cascadence.core.impl.config;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.ConfigSource;
import io.cascadence.api.config.PidReport;

/**
 * What the log says of the configuration: each PID once when the start has settled it, then each change and each
 * new problem. What happens while it settles (reading ConfigAdmin, putting a second file back in its place) would
 * only be noise.
 */
final class ConfigLog {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLog.class);

    private volatile boolean settled;

    /** The configuration the start settled on: every PID with its values, and the problems. */
    void inEffect(EffectiveConfig config) {
        config.report().pids().forEach(pid -> LOG.info("Configuration {} in effect: {}", pid.pid(), summary(pid)));
        config.problems().forEach(p -> LOG.warn("Configuration problem: {}", p));
        settled = true;
    }

    void changed(EffectiveConfig previous, EffectiveConfig next) {
        if (!settled || previous == null) {
            return;
        }
        List<String> oldProblems = previous.problems();
        next.problems().stream()
                .filter(p -> !oldProblems.contains(p))
                .forEach(p -> LOG.warn("Configuration problem: {}", p));
        ConfigReport after = next.report();
        ConfigReport before = previous.report();
        for (int p = 0; p < after.pids().size(); p++) {
            List<ConfigEntry> old = before.pids().get(p).entries();
            List<ConfigEntry> now = after.pids().get(p).entries();
            for (int i = 0; i < now.size(); i++) {
                ConfigEntry entry = now.get(i);
                if (!entry.equals(old.get(i))) {
                    LOG.info("Configuration changed: {} {}={} ({})", after.pids().get(p).pid(), entry.key(),
                            entry.value(), origin(entry));
                }
            }
        }
    }

    /** One line: the file in force, then each key with the short name of its source. */
    private static String summary(PidReport pid) {
        List<String> parts = new ArrayList<>();
        for (ConfigEntry entry : pid.entries()) {
            String origin = entry.source() == ConfigSource.ENVIRONMENT ? "env " + entry.origin()
                    : entry.source().label();
            parts.add(entry.key() + "=" + entry.value() + " [" + origin + "]");
        }
        return "(" + (pid.file() == null ? "no cfg file" : "cfg " + pid.file()) + ") " + String.join(", ", parts);
    }

    private static String origin(ConfigEntry entry) {
        return entry.origin() == null ? entry.source().label() : entry.source().label() + " " + entry.origin();
    }
}
