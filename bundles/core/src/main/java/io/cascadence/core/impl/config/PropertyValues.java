package io.cascadence.core.impl.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The normalised form of a typed configuration value: as a ConfigAdmin property value (String, Integer, Double or
 * Boolean, which Declarative Services converts to any attribute type of an {@code @ObjectClassDefinition}) and as
 * the text every report shows. {@code yes} becomes {@code true}, {@code 2.50} seconds {@code 2.5}, {@code  BASE }
 * {@code base}: a bundle and a user see the same value.
 */
final class PropertyValues {

    private PropertyValues() {
    }

    /** The value a bundle receives for its PID. */
    static Object property(Object typed) {
        if (typed instanceof Integer || typed instanceof Boolean || typed instanceof Double) {
            return typed;
        }
        if (typed instanceof Duration duration) {
            return duration.toNanos() / 1e9;
        }
        return text(typed);
    }

    /** The value as every report shows it, and as {@code CascadenceConfig.value(key)} answers. */
    static String text(Object typed) {
        if (typed instanceof Duration duration) {
            return plain(BigDecimal.valueOf(duration.toNanos()).movePointLeft(9));
        }
        if (typed instanceof Double number) {
            return plain(BigDecimal.valueOf(number));
        }
        if (typed instanceof ZoneId zone) {
            return zone.getId();
        }
        if (typed instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + "=" + text(e.getValue()))
                    .collect(Collectors.joining(","));
        }
        if (typed instanceof Path path) {
            return path.toString();
        }
        return String.valueOf(typed);
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
