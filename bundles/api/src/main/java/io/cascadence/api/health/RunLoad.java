package io.cascadence.api.health;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How busy the run engine is now. The core provides it; the metrics read it at every scrape.
 *
 * @since 1.1.0
 */
@ProviderType
public interface RunLoad {

    /** Runs that hold a worker now: running, or paused between stages. At most {@code max_concurrent_runs}. */
    int running();

    /** Runs accepted and waiting for a worker now, in order. At most {@code run_queue_capacity}. */
    int queued();
}
