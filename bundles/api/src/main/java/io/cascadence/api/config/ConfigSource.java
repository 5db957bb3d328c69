package io.cascadence.api.config;

/** Where an effective configuration value came from, from weakest to strongest. */
public enum ConfigSource {
    /** Built into Cascadence. */
    DEFAULT("default"),
    /** The PID's configuration in ConfigAdmin, normally {@code config/<pid>.cfg}. */
    CFG("cfg"),
    /** The YAML file named by {@code CASCADENCE_CONFIG} (or {@code config/cascadence.yml}). */
    YAML("yaml"),
    /** An environment variable. */
    ENVIRONMENT("env");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** The short name used in reports: {@code default}, {@code cfg}, {@code yaml}, {@code env}. */
    public String label() {
        return label;
    }
}
