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

    void close() {
        open = false;
        thread.interrupt();
    }

    private void deliver() {
        while (open) {
            CascadenceEvent event;
            try {
                event = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // a listener's own failure, Error or not, must not end its deliveries
                LOG.warn("Event listener {} failed on {}", name, event, e);
            }
        }
    }
}
