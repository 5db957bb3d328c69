package io.cascadence.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** Where events are published. Publishing never blocks and never throws. */
@ProviderType
public interface EventBus {

    void publish(CascadenceEvent event);
}
