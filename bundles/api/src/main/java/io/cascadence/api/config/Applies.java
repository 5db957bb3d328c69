package io.cascadence.api.config;

/** When a change of a configuration value takes effect. */
public enum Applies {
    /** At once: the next request, run or check uses the new value, without a restart. */
    LIVE("live"),
    /** When Cascadence starts; a change is shown at once but applies after a restart. */
    AT_START("at start");

    private final String label;

    Applies(String label) {
        this.label = label;
    }

    /** The words used in reports: {@code live} or {@code at start}. */
    public String label() {
        return label;
    }
}
