package io.cascadence.web.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of {@code GET /events}: its queue, its filter, and the thread that writes to it. The thread writes
 * {@code retry:} and a {@code hello} first, then the messages as they come, a {@code lagged} message after a drop,
 * and a keep-alive comment whenever nothing came for a while (so proxies and the client see the stream live), until
 * the client goes away or the stream is closed. Writing blocks only this thread.
 */
final class EventClient {

    /** How long the client waits before reconnecting, in milliseconds ({@code retry:} of the stream). */
    static final int RETRY_MS = 2_000;
    /** At most this many messages are written between two flushes. */
    private static final int BATCH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(EventClient.class);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventFilter filter;
    private final EventQueue queue;
    private final long keepAliveMs;
    private final Clock clock;

    EventClient(EventFilter filter, int capacity, long keepAliveMs, Clock clock) {
        this.filter = filter;
        this.queue = new EventQueue(capacity);
        this.keepAliveMs = keepAliveMs;
        this.clock = clock;
    }

    /** Queues the message when the client wants it. Called on the bus's listener thread: never blocks. */
    void offer(EventMessage message) {
        if (filter.accepts(message)) {
            queue.offer(message);
        }
    }

    /** Ends {@link #stream} at its next step; what waits is not sent. */
    void close() {
        queue.close();
    }

    boolean closed() {
        return queue.closed();
    }

    /**
     * Writes the stream until the client goes away (a write fails), {@link #close} is called or the thread is
     * interrupted.
     */
    void stream(OutputStream out, Flusher flusher) {
        try {
            out.write(("retry: " + RETRY_MS + "\n\n").getBytes(StandardCharsets.US_ASCII));
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("time", clock.instant().toString());
            out.write(EventMessage.frame("hello", null, hello));
            flusher.flush();
            while (!queue.closed()) {
                EventQueue.Taken taken = queue.take(BATCH, keepAliveMs, TimeUnit.MILLISECONDS);
                if (queue.closed()) {
                    break;
                }
                if (taken.isEmpty()) {
                    out.write(KEEP_ALIVE);
                } else if (taken.dropped() > 0) {
                    out.write(EventMessage.frame("lagged", null, Map.of("dropped", taken.dropped())));
                } else {
                    for (EventMessage message : taken.messages()) {
                        out.write(message.frame());
                    }
                }
                flusher.flush();
            }
        } catch (IOException e) {
            LOG.debug("An event stream ended: the client went away ({})", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.close();
        }
    }

    /** Sends what was written so far. */
    interface Flusher {
        void flush() throws IOException;
    }
}
