package io.cascadence.core.impl.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventListener;

/** One outside listener: a bounded queue and a thread that feeds it, so that it can only ever slow itself. */
final class ListenerChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerChannel.class);
    /** How long a closing channel keeps handing queued events to its listener, in milliseconds. */
    static final long DRAIN_MS = 1_000;

    private final EventListener listener;
    private final String name;
    private final BlockingQueue<CascadenceEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean open = true;

    ListenerChannel(EventListener listener, String name, int capacity) {
        this.listener = listener;
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::deliver, "cascadence-events-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    void offer(CascadenceEvent event) {
        if (!queue.offer(event) && dropped.incrementAndGet() % 10_000 == 1) {
            LOG.warn("Event listener {} is behind; {} events dropped so far", name, dropped.get());
        }
    }

    String name() {
        return name;
    }

    long dropped() {
        return dropped.get();
    }

    /**
     * Stops the channel once the listener has the events already queued for it, or after {@link #DRAIN_MS}: a
     * listener that goes away as the container stops (the event transport) still gets the events of the last run.
     */
    void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(DRAIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver() {
        while (open) {
            CascadenceEvent event;
            try {
                event = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (event != null) {
                handOver(event);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
        CascadenceEvent event;
        while (System.nanoTime() - deadline < 0 && (event = queue.poll()) != null) {
            handOver(event);
        }
    }

    private void handOver(CascadenceEvent event) {
        try {
            listener.onEvent(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // a listener's own failure, Error or not, must not end its deliveries
            LOG.warn("Event listener {} failed on {}", name, event, e);
        }
    }
}
