package io.cascadence.ume.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.cascadence.ume.spi.UmeMessage;

/**
 * The bounded buffer events wait in until the transport has them. Adding never blocks: when the buffer is full the
 * oldest message is dropped and counted, so a transport that is down costs memory up to the bound and never holds
 * a run up. The sender looks at the oldest messages, delivers them, and only then removes them, by their
 * number in the outbox, so that messages dropped meanwhile are not mistaken for delivered ones.
 */
final class Outbox {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private final ArrayDeque<Entry> messages = new ArrayDeque<>();
    private volatile int capacity;
    private long dropped;
    private long added;

    /** A waiting message and its place in the outbox: 1, 2, 3, ... in the order they were added. */
    record Entry(long number, UmeMessage message) {
    }

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a message at the end, dropping the oldest when the buffer is full. */
    void add(UmeMessage message) {
        lock.lock();
        try {
            while (messages.size() >= capacity) {
                messages.pollFirst();
                dropped++;
            }
            messages.addLast(new Entry(++added, message));
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Counts a message the transport could never deliver, which the sender removed, with the dropped ones. */
    void countRejected() {
        lock.lock();
        try {
            dropped++;
        } finally {
            lock.unlock();
        }
    }

    /** Changes the bound; a smaller one drops the oldest messages beyond it at once. */
    void resize(int newCapacity) {
        lock.lock();
        try {
            capacity = newCapacity;
            while (messages.size() > capacity) {
                messages.pollFirst();
                dropped++;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest messages, at most {@code max}, waiting up to {@code wait} for one to arrive.
     *
     * @return a copy, oldest first; empty when none arrived in time
     */
    List<Entry> peek(int max, long wait, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(wait);
            while (messages.isEmpty() && nanos > 0) {
                nanos = filled.awaitNanos(nanos);
            }
            List<Entry> batch = new ArrayList<>(Math.min(max, messages.size()));
            for (Entry message : messages) {
                if (batch.size() == max) {
                    break;
                }
                batch.add(message);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes delivered messages: those at the head numbered {@code number} or lower.
     */
    void removeThrough(long number) {
        lock.lock();
        try {
            while (!messages.isEmpty() && messages.peekFirst().number() <= number) {
                messages.pollFirst();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
