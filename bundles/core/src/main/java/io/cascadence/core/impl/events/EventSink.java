package io.cascadence.core.impl.events;

import io.cascadence.api.event.CascadenceEvent;

/**
 * A subscriber inside the core (the stage store, the run history, the log) that takes each event on the
 * publishing thread. It must be quick, must not block on I/O and must not throw: it updates memory, and writes to
 * disk in batches on a thread of its own.
 */
public interface EventSink {

    void accept(CascadenceEvent event);
}
