package io.cascadence.web.impl;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What waits to be sent to one client of {@code GET /events}, bounded so that a client that reads slowly (or not
 * at all) never holds up the bus or the other clients. When a message finds it full, everything waiting is dropped
 * and counted, and the client is told how many before the next message ({@link Taken#dropped()}): it has missed
 * events, and should read its state again rather than go on from a partial picture.
 */
final class EventQueue {

    /**
     * What {@link #take} found: messages in order, or that messages were dropped (always before any message that
     * came after the drop), or neither when the wait ran out or the queue was closed.
     */
    record Taken(long dropped, List<EventMessage> messages) {

        static final Taken NOTHING = new Taken(0, List.of());

        boolean isEmpty() {
            return dropped == 0 && messages.isEmpty();
        }
    }

    private final int capacity;
    private final ArrayDeque<EventMessage> waiting = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long dropped;
    private boolean closed;

    EventQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a message, dropping everything waiting first when there is no room. Never blocks for long. */
    void offer(EventMessage message) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (waiting.size() >= capacity) {
                dropped += waiting.size();
                waiting.clear();
            }
            waiting.add(message);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for something to send and takes it: the count of dropped messages when there is
     * one (and nothing else), otherwise up to {@code max} messages.
     */
    Taken take(int max, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!closed && dropped == 0 && waiting.isEmpty()) {
                if (nanos <= 0) {
                    return Taken.NOTHING;
                }
                nanos = changed.awaitNanos(nanos);
            }
            if (closed) {
                return Taken.NOTHING;
            }
            if (dropped > 0) {
                long count = dropped;
                dropped = 0;
                return new Taken(count, List.of());
            }
            int n = Math.min(max, waiting.size());
            EventMessage[] batch = new EventMessage[n];
            for (int i = 0; i < n; i++) {
                batch[i] = waiting.poll();
            }
            return new Taken(0, List.of(batch));
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait; nothing is taken or added afterwards. */
    void close() {
        lock.lock();
        try {
            closed = true;
            waiting.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** How many messages wait. */
    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
