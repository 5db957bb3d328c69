package io.cascadence.api.schedule;

import java.util.Locale;

/**
 * What a fire does while the run its schedule started before is still queued or running (runs started otherwise,
 * by a user or a webhook, do not count). The same vocabulary applies to every backend.
 */
public enum OverlapPolicy {
    /** The default: the fire is skipped, and the skip is published as an audit event. */
    SKIP,
    /** The fire waits until the previous run ends, then runs; a further fire while one waits is skipped. */
    QUEUE_ONE,
    /** The fire runs beside the previous run. */
    ALLOW;

    public static final OverlapPolicy DEFAULT = SKIP;

    /** The name used in {@code schedules.yml}, configuration and the REST API: {@code skip}, {@code queue_one}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy named {@code skip}, {@code queue_one} or {@code allow} (case and {@code -} instead of {@code _}
     * are forgiven); {@code null} or blank gives the {@link #DEFAULT}.
     *
     * @throws InvalidScheduleException naming the accepted values
     */
    public static OverlapPolicy parse(String text) {
        return Policies.parse(OverlapPolicy.class, "overlap", text, DEFAULT);
    }
}
