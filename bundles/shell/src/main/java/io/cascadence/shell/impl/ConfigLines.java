package io.cascadence.shell.impl;

import io.cascadence.api.config.ConfigEntry;

/** One configuration entry as a line: key, value, and where it came from. */
final class ConfigLines {

    private ConfigLines() {
    }

    static String line(ConfigEntry entry) {
        String value = entry.value() == null ? "" : entry.value();
        String source = entry.origin() == null ? entry.source().label()
                : entry.source().label() + " (" + entry.origin() + ")";
        return entry.key() + "\t" + value + "\t" + source;
    }
}
