package io.cascadence.core.impl.config;

import java.util.Map;

import io.cascadence.api.config.ConfigSource;

/**
 * The raw values one source offers: the cfg file, the YAML file or the environment.
 *
 * @param source which kind of source this is
 * @param origin the file or, for the environment, {@code null} (each value names its own variable)
 * @param values raw values by key; environment layers are keyed by variable name
 */
record ConfigLayer(ConfigSource source, String origin, Map<String, ?> values) {

    static ConfigLayer empty(ConfigSource source) {
        return new ConfigLayer(source, null, Map.of());
    }
}
