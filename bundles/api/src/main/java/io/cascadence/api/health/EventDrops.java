package io.cascadence.api.health;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Events the event bus dropped for {@link io.cascadence.api.event.EventListener}s that fell behind (their bounded
 * queue was full). The core provides it; {@code GET /health} warns while any were dropped, and the metrics
 * expose the counts.
 *
 * @since 1.1.0
 */
@ProviderType
public interface EventDrops {

    /**
     * Events dropped since the container started, by listener: its bundle's symbolic name and its service id
     * ({@code io.cascadence.metrics-42}). A listener is listed from its registration until it goes away, with 0
     * while it keeps up; the drops of listeners that went away count under {@code "removed"}.
     *
     * @return an unmodifiable snapshot, never {@code null}
     */
    Map<String, Long> dropped();
}
