package io.cascadence.api.config;

/**
 * One configuration key and its effective value.
 *
 * @param key the key, as written in {@code io.cascadence.cfg} and the YAML file
 * @param value the effective value as text; masked ({@code ********}) for secrets that are set; {@code null}
 *        when the key has no value
 * @param source where the value came from
 * @param origin the file or environment variable it came from; {@code null} for defaults
 * @param environmentVariable the environment variable that overrides the key, or {@code null}
 * @param description what the key means
 */
public record ConfigEntry(String key, String value, ConfigSource source, String origin, String environmentVariable,
        String description) {
}
