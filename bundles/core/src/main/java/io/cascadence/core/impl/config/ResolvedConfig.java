package io.cascadence.core.impl.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An immutable, complete and valid configuration, with the problems met while building it. */
final class ResolvedConfig {

    private final Map<ConfigKey, ResolvedValue> values;
    private final List<String> problems;

    ResolvedConfig(Map<ConfigKey, ResolvedValue> values, List<String> problems) {
        this.values = new EnumMap<>(values);
        this.problems = List.copyOf(problems);
    }

    ResolvedValue get(ConfigKey key) {
        return values.get(key);
    }

    <T> T value(ConfigKey key, Class<T> type) {
        return type.cast(values.get(key).value());
    }

    List<String> problems() {
        return problems;
    }
}
