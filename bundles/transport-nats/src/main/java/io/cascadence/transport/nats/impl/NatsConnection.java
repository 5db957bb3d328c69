package io.cascadence.transport.nats.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * A {@link UmeConnection} over one jnats connection that connects in the background and reconnects forever. What
 * goes out: each message on {@code ume_nats_subject}, body = the protobuf payload, envelope = headers
 * ({@link UmeHeaders}); acknowledged by the stream in JetStream mode, flushed in core mode. What comes in: every
 * message on the subject from other connections, whatever published it.
 *
 * <p>{@link #send} throws {@link DeliveryException} at once while the connection is down rather than letting jnats
 * buffer the batch for later: the UME outbox is the one buffer, and a message counts as delivered only when the
 * server has it.
 */
public final class NatsConnection implements UmeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(NatsConnection.class);
    static final Duration RECONNECT_WAIT = Duration.ofMillis(250);
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final NatsSettings settings;
    private final Publisher publisher;
    private final List<SubjectSubscription> subscriptions = new ArrayList<>();
    private volatile Connection nats;
    private volatile boolean closed;

    private NatsConnection(NatsSettings settings) {
        this.settings = settings;
        this.publisher = settings.jetStream()
                ? new JetStreamPublisher(new StreamCheck(settings.stream(), settings.subject()), settings.subject(),
                        settings.target())
                : new CorePublisher(settings.subject(), settings.target());
    }

    /**
     * Starts connecting to the servers and returns at once; the server need not be up.
     *
     * @param settings checked settings
     * @return the connection, connected or not yet
     * @throws IllegalArgumentException naming {@code ume_nats_conn} when jnats cannot use a server URL
     */
    public static NatsConnection open(NatsSettings settings) {
        NatsConnection connection = new NatsConnection(settings);
        NatsEvents events = new NatsEvents(settings.target(), connection::known, connection.publisher::reset);
        Options options;
        try {
            options = Options.builder().servers(settings.servers().toArray(String[]::new))
                    .connectionName("cascadence").maxReconnects(-1).reconnectWait(RECONNECT_WAIT)
                    // This connection's own subscriptions are for what other installations send.
                    .noEcho().connectionListener(events).errorListener(events).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NatsSettings.CONN + " '" + String.join(",", settings.servers())
                    + "' is not usable: " + e.getMessage(), e);
        }
        try {
            Nats.connectAsynchronously(options, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the NATS connection to " + settings.target(),
                    e);
        }
        return connection;
    }

    @Override
    public String target() {
        return settings.target();
    }

    @Override
    public boolean connected() {
        Connection current = nats;
        return !closed && current != null && current.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public void send(List<UmeMessage> batch) throws DeliveryException {
        Connection current = nats;
        if (closed || current == null || current.getStatus() != Connection.Status.CONNECTED) {
            throw new DeliveryException("NATS " + target() + " is not connected ("
                    + (closed ? "closed" : current == null ? "connecting" : current.getStatus()) + ")", 0, null);
        }
        int fits = fitting(current, batch);
        if (fits > 0) {
            publisher.publish(current, fits == batch.size() ? batch : batch.subList(0, fits));
        }
        if (fits < batch.size()) {
            throw new DeliveryException("the message is larger than the server's max_payload of "
                    + current.getServerInfo().getMaxPayload() + " bytes", fits, true, null);
        }
    }

    /** How many messages at the start of the batch fit the server's max_payload (payload and headers). */
    private int fitting(Connection current, List<UmeMessage> batch) {
        long max = current.getServerInfo() == null ? Long.MAX_VALUE : current.getServerInfo().getMaxPayload();
        for (int i = 0; i < batch.size(); i++) {
            UmeMessage message = batch.get(i);
            if (message.payload().length + UmeHeaders.of(message, settings.jetStream()).serializedLength() > max) {
                return i;
            }
        }
        return batch.size();
    }

    @Override
    public AutoCloseable subscribe(Consumer<UmeMessage> receiver) throws DeliveryException {
        SubjectSubscription subscription = new SubjectSubscription(settings.subject(), receiver);
        synchronized (subscriptions) {
            if (closed) {
                throw new DeliveryException("the NATS connection to " + target() + " is closed", 0, null);
            }
            if (nats != null) {
                try {
                    subscription.start(nats);
                } catch (RuntimeException e) {
                    throw new DeliveryException("NATS " + target() + " refused the subscription: " + e.getMessage(),
                            0, e);
                }
            }
            subscriptions.add(subscription);
        }
        return () -> {
            synchronized (subscriptions) {
                subscriptions.remove(subscription);
            }
            subscription.stop();
        };
    }

    @Override
    public void close() {
        Connection current;
        synchronized (subscriptions) {
            if (closed) {
                return;
            }
            closed = true;
            subscriptions.forEach(SubjectSubscription::stop);
            subscriptions.clear();
            current = nats;
        }
        if (current != null) {
            closeAndWait(current);
        }
    }

    /** Keeps the first connection object jnats reports; subscriptions made before it was known start now. */
    private void known(Connection connection) {
        if (connection == null || nats != null) {
            return;
        }
        synchronized (subscriptions) {
            if (nats != null) {
                return;
            }
            nats = connection;
            if (closed) {
                closeInBackground(connection);
                return;
            }
            for (SubjectSubscription subscription : subscriptions) {
                try {
                    subscription.start(connection);
                } catch (RuntimeException e) {
                    LOG.warn("NATS {}: could not subscribe: {}", target(), e.toString());
                }
            }
        }
    }

    /**
     * jnats' close waits for its threads, and one of them may be the caller (a jnats callback), so it runs on a
     * thread of its own, bounded by {@link #CLOSE_WAIT}.
     */
    private void closeAndWait(Connection connection) {
        Thread closer = closeInBackground(connection);
        try {
            closer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.warn("NATS {}: the connection did not close within {} s", target(), CLOSE_WAIT.toSeconds());
        }
    }

    private Thread closeInBackground(Connection connection) {
        Thread closer = new Thread(() -> {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("Closing NATS {} failed: {}", target(), e.toString());
            }
        }, "cascadence-nats-close");
        closer.setDaemon(true);
        closer.start();
        return closer;
    }
}
