package io.cascadence.web.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.cascadence.api.event.CascadenceEvent;

/**
 * The clients of {@code GET /events} and the fan-out of the bus's events to them: each event is numbered and made
 * into its message once, then offered to every client, which queues it when it wants it. At most {@code maxClients}
 * streams are open at once; each runs on a thread of its own, and {@link #close} ends them all and waits for their
 * threads.
 */
final class EventStreams {

    /** How long {@link #close} waits for each stream's thread, in milliseconds. */
    private static final long JOIN_MS = 2_000;

    private final int maxClients;
    private final Map<EventClient, Thread> clients = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile EventClient[] snapshot = new EventClient[0];
    private boolean closed;

    EventStreams(int maxClients) {
        this.maxClients = maxClients;
    }

    int maxClients() {
        return maxClients;
    }

    /** Numbers the event (every event of the bus, sent or not) and queues it for the clients that want it. */
    void publish(CascadenceEvent event) {
        long id = ids.incrementAndGet();
        EventClient[] now = snapshot;
        if (now.length == 0) {
            return;
        }
        EventMessage message = EventMessage.of(event, id);
        if (message == null) {
            return;
        }
        for (EventClient client : now) {
            client.offer(message);
        }
    }

    /**
     * Takes a place for a client, which gets the events from now on.
     *
     * @return {@code false} when {@code maxClients} streams are open or the streams are closed
     */
    synchronized boolean join(EventClient client) {
        if (closed || clients.size() >= maxClients) {
            return false;
        }
        clients.put(client, null);
        snapshot = clients.keySet().toArray(new EventClient[0]);
        return true;
    }

    /**
     * Streams to a client that has {@link #join joined}, on a thread of its own: {@code stream} writes until the
     * client goes away or is closed, then the client leaves and {@code done} runs (on that thread).
     */
    synchronized void start(EventClient client, Runnable stream, Runnable done) {
        Thread thread = new Thread(() -> {
            try {
                stream.run();
            } finally {
                leave(client);
                done.run();
            }
        }, "cascadence-events-client-" + threads.incrementAndGet());
        thread.setDaemon(true);
        if (closed || !clients.containsKey(client)) {
            client.close(); // closed meanwhile: the thread ends the request at once
        } else {
            clients.put(client, thread);
        }
        thread.start();
    }

    /** How many streams are open. */
    synchronized int size() {
        return clients.size();
    }

    /** The client is gone: it gets nothing more, and its place is free. */
    synchronized void leave(EventClient client) {
        client.close();
        if (clients.remove(client) != null) {
            snapshot = clients.keySet().toArray(new EventClient[0]);
        }
    }

    /** Ends every stream, refuses new ones, and waits for each stream's thread to end. */
    void close() {
        List<Thread> running = new ArrayList<>();
        synchronized (this) {
            closed = true;
            clients.keySet().forEach(EventClient::close);
            clients.values().stream().filter(t -> t != null).forEach(running::add);
        }
        for (Thread thread : running) {
            thread.interrupt(); // a write blocked on a client that reads nothing
            try {
                thread.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
