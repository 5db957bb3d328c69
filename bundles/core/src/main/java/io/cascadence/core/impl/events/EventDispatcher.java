package io.cascadence.core.impl.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.event.EventListener;

/**
 * The in-process event bus: core sinks take each event on the publisher's thread, outside listeners through a
 * bounded channel each. Publishing never blocks and never throws.
 */
public final class EventDispatcher implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    /** The name the drops of listeners that went away are counted under. */
    public static final String REMOVED = "removed";

    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();
    private final Map<EventListener, ListenerChannel> listeners = new ConcurrentHashMap<>();
    private final int listenerCapacity;
    private final AtomicLong droppedByRemoved = new AtomicLong();

    public EventDispatcher(int listenerCapacity) {
        this.listenerCapacity = listenerCapacity;
    }

    @Override
    public void publish(CascadenceEvent event) {
        for (EventSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // publishing never fails a run
                LOG.warn("Event sink {} failed on {}", sink, event, e);
            }
        }
        for (ListenerChannel channel : listeners.values()) {
            channel.offer(event);
        }
    }

    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    public void removeSink(EventSink sink) {
        sinks.remove(sink);
    }

    public void addListener(EventListener listener, String name) {
        listeners.computeIfAbsent(listener, l -> new ListenerChannel(l, name, listenerCapacity));
    }

    public void removeListener(EventListener listener) {
        ListenerChannel channel = listeners.remove(listener);
        if (channel != null) {
            channel.close();
            droppedByRemoved.addAndGet(channel.dropped());
        }
    }

    /** Events dropped because a listener fell behind, since start. */
    public long dropped() {
        return droppedByRemoved.get() + listeners.values().stream().mapToLong(ListenerChannel::dropped).sum();
    }

    /**
     * Events dropped since start by each listener there is now, by its name, and under {@code "removed"} those of
     * listeners that went away.
     */
    public Map<String, Long> droppedByListener() {
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (ListenerChannel channel : listeners.values()) {
            dropped.put(channel.name(), channel.dropped());
        }
        dropped.merge(REMOVED, droppedByRemoved.get(), Long::sum);
        return dropped;
    }

    public void close() {
        listeners.values().forEach(ListenerChannel::close);
        listeners.clear();
        sinks.clear();
    }
}
