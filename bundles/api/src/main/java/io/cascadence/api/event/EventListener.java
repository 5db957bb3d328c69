package io.cascadence.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every event. Register one as an OSGi service. Events arrive in order on a thread of the listener's
 * own, through a bounded queue: a slow listener delays only itself, and events that no longer fit its queue are
 * dropped and counted rather than the publisher held up.
 */
@ConsumerType
public interface EventListener {

    void onEvent(CascadenceEvent event);
}
