package io.cascadence.transport.nats.impl;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;

/**
 * Turns jnats' connection and error callbacks into one log line per change of state, and hands the
 * {@link Connection} to its owner as soon as jnats first reports anything: an asynchronous connect only gives the
 * connection object away through these callbacks. While the server is down jnats reports a failed attempt every
 * reconnect wait: a loss is logged once as a warning, the attempts at debug, and never with a stack trace.
 */
final class NatsEvents implements ConnectionListener, ErrorListener {

    private static final Logger LOG = LoggerFactory.getLogger(NatsEvents.class);

    private final String target;
    private final Consumer<Connection> known;
    private final Runnable reconnected;
    private volatile boolean connectedOnce;
    private volatile boolean warned;
    private volatile boolean lost;

    /**
     * @param target the servers and subject, for log lines
     * @param known receives the connection with every callback (the owner keeps the first)
     * @param reconnected runs after the connection is back, before messages flow again
     */
    NatsEvents(String target, Consumer<Connection> known, Runnable reconnected) {
        this.target = target;
        this.known = known;
        this.reconnected = reconnected;
    }

    @Override
    public void connectionEvent(Connection connection, Events event) {
        known.accept(connection);
        switch (event) {
            case CONNECTED, RECONNECTED -> {
                boolean again = connectedOnce;
                connectedOnce = true;
                lost = false;
                if (again) {
                    reconnected.run();
                }
                LOG.info("NATS {}: {}", again ? "reconnected" : "connected", target);
            }
            case DISCONNECTED -> {
                // jnats reports one loss more than once (the socket, then each reconnect round).
                if (connectedOnce && !lost) {
                    lost = true;
                    LOG.warn("NATS lost its connection ({}); it keeps reconnecting", target);
                }
            }
            case LAME_DUCK -> LOG.info("NATS server of {} is shutting down (lame duck mode)", target);
            default -> LOG.debug("NATS {}: {}", target, event);
        }
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        if (connection != null) {
            known.accept(connection);
        }
        // Until the first connection nothing else says the server cannot be reached; later a loss is logged as
        // DISCONNECTED, and the failed attempts that follow would repeat every reconnect wait.
        if (!connectedOnce && !warned) {
            warned = true;
            LOG.warn("NATS cannot reach {} yet: {}; it keeps trying", target, exception.toString());
        } else {
            LOG.debug("NATS {}: {}", target, exception.toString());
        }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        known.accept(connection);
        LOG.warn("NATS server of {} reports: {}", target, error);
    }

    @Override
    public void slowConsumerDetected(Connection connection, io.nats.client.Consumer consumer) {
        LOG.warn("NATS {}: received messages are handled too slowly; the client drops some", target);
    }
}
