package io.cascadence.api.config;

/**
 * One configuration key and its effective value.
 *
 * @param key the key, as written in its PID's {@code config/<pid>.cfg} file and in the YAML file
 * @param value the effective value in its normalised text form (for example {@code true} for {@code yes},
 *        {@code 2.5} for {@code 2.50}); masked ({@code ********}) for secrets that are set; {@code null} when the
 *        key has no value
 * @param source where the value came from
 * @param origin the file or environment variable it came from; {@code null} for defaults
 * @param environmentVariable the environment variable that overrides the key, or {@code null}
 * @param description what the key means
 * @param applies whether a change applies at once or at the next start
 */
public record ConfigEntry(String key, String value, ConfigSource source, String origin, String environmentVariable,
        String description, Applies applies) {
}
