package io.cascadence.core.impl.config;

import io.cascadence.api.config.ConfigSource;

/**
 * The effective value of one key.
 *
 * @param value the typed value
 * @param text the value as the user wrote it
 * @param source where it came from
 * @param origin the file or environment variable it came from, {@code null} for defaults
 */
record ResolvedValue(Object value, String text, ConfigSource source, String origin) {

    String describeOrigin() {
        return origin == null ? source.label() : origin;
    }

    /** The normalised text of the value, as reports show it. */
    String normalised() {
        return PropertyValues.text(value);
    }
}
