package io.cascadence.core.impl.config;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The complete and valid configuration of one PID, with the problems met while building it. Immutable. */
final class ResolvedConfig {

    private final ConfigPid pid;
    private final Map<ConfigKey, ResolvedValue> values;
    private final List<String> problems;

    ResolvedConfig(ConfigPid pid, Map<ConfigKey, ResolvedValue> values, List<String> problems) {
        this.pid = pid;
        this.values = new EnumMap<>(values);
        this.problems = List.copyOf(problems);
    }

    ConfigPid pid() {
        return pid;
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

    /** Every key of the PID with its normalised value, as the PID's consumers receive them from ConfigAdmin. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        values.forEach((key, value) -> properties.put(key.key(), PropertyValues.property(value.value())));
        return properties;
    }

    /** Whether a consumer of the PID would see a difference: the same values, whatever their source. */
    boolean sameValues(ResolvedConfig other) {
        return other != null && properties().equals(other.properties());
    }
}
