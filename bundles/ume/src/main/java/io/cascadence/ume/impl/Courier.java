package io.cascadence.ume.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;

/**
 * The one thread that carries the outbox's messages over one connection, oldest first. A message leaves the
 * outbox only once the connection has delivered it, so a failed batch is sent again, from its first undelivered
 * message, after a back-off of 0.1 s doubling to 2 s. Delivery is at least once: a batch that failed halfway may
 * repeat messages the server already had (JetStream removes those by their id).
 */
final class Courier implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Courier.class);
    private static final int BATCH = 256;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final Outbox outbox;
    private final UmeConnection connection;
    private final AtomicLong delivered;
    private final Thread thread;
    private volatile long flushDeadline = Long.MAX_VALUE;
    private volatile String lastError;
    private volatile boolean failing;
    private volatile boolean warned;
    private long failingSince;

    Courier(String transport, Outbox outbox, UmeConnection connection, AtomicLong delivered) {
        this.outbox = outbox;
        this.connection = connection;
        this.delivered = delivered;
        this.thread = new Thread(this, "cascadence-ume-" + transport);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        long backoff = 0;
        while (true) {
            boolean stopping = flushDeadline != Long.MAX_VALUE;
            if (stopping && (outbox.size() == 0 || System.nanoTime() - flushDeadline >= 0)) {
                return;
            }
            List<Outbox.Entry> batch;
            try {
                batch = outbox.peek(BATCH, stopping ? 0 : 250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<UmeMessage> messages = new ArrayList<>(batch.size());
            batch.forEach(entry -> messages.add(entry.message()));
            int done;
            String error = null;
            try {
                connection.send(messages);
                done = messages.size();
            } catch (DeliveryException e) {
                done = Math.max(0, Math.min(e.delivered(), messages.size()));
                if (e.rejected() && done < messages.size()) {
                    // Never deliverable: drop it, count it, and go on with the rest at once.
                    UmeMessage refused = messages.get(done);
                    LOG.warn("UME dropped a {} ({} bytes) that {} cannot take: {}", refused.type(),
                            refused.payload().length, connection.target(), e.getMessage());
                    outbox.removeThrough(batch.get(done).number());
                    outbox.countRejected();
                    if (done > 0) {
                        delivered.addAndGet(done);
                    }
                    continue;
                }
                error = e.getMessage();
            } catch (RuntimeException e) {
                done = 0;
                error = e.toString();
            }
            if (done > 0) {
                outbox.removeThrough(batch.get(done - 1).number());
                delivered.addAndGet(done);
                LOG.debug("UME delivered {} of {} events to {}", done, messages.size(), connection.target());
            }
            if (error == null) {
                if (warned) {
                    LOG.info("UME events reach {} again", connection.target());
                }
                failing = false;
                warned = false;
                lastError = null;
                backoff = 0;
                continue;
            }
            if (!failing) {
                failingSince = System.nanoTime();
            }
            // A connection that is still being made (a new transport, a restart) is not worth a warning yet.
            if (!warned && System.nanoTime() - failingSince > TimeUnit.SECONDS.toNanos(2)) {
                LOG.warn("UME events cannot reach {}: {}; they wait in the buffer ({} now)", connection.target(),
                        error, outbox.size());
                warned = true;
            }
            failing = true;
            lastError = error;
            backoff = Math.min(MAX_BACKOFF_MS, Math.max(100, backoff * 2));
            long sleep = stopping ? Math.min(backoff,
                    Math.max(0, TimeUnit.NANOSECONDS.toMillis(flushDeadline - System.nanoTime()))) : backoff;
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Stops after delivering what the outbox holds, or at the deadline, whichever comes first, and waits for it.
     *
     * @param flushMillis how long to keep delivering, in milliseconds
     */
    void stop(long flushMillis) {
        flushDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
        try {
            thread.join(flushMillis + 3_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the last delivery failed. */
    boolean failing() {
        return failing;
    }

    /** The last delivery error, or {@code null} after a delivery succeeded. */
    String lastError() {
        return lastError;
    }
}
