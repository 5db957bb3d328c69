package io.cascadence.transport.nats.impl;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

/**
 * One receiver of the subject's messages, on a jnats dispatcher thread of its own. It is a core subscription even
 * in JetStream mode: pointer sync is between live installations, so what was sent while one was down is not
 * replayed. jnats sends the subscription again after a reconnect.
 */
final class SubjectSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(SubjectSubscription.class);

    private final String subject;
    private final Consumer<UmeMessage> receiver;
    private Connection connection;
    private Dispatcher dispatcher;

    SubjectSubscription(String subject, Consumer<UmeMessage> receiver) {
        this.subject = subject;
        this.receiver = receiver;
    }

    /**
     * Subscribes on {@code nats}, connected or not yet (jnats sends it once connected).
     *
     * @throws IllegalStateException when the connection is closed
     */
    synchronized void start(Connection nats) {
        connection = nats;
        dispatcher = nats.createDispatcher(this::deliver);
        dispatcher.subscribe(subject);
    }

    /** Unsubscribes; never throws. */
    synchronized void stop() {
        if (dispatcher == null) {
            return;
        }
        try {
            connection.closeDispatcher(dispatcher);
        } catch (RuntimeException e) {
            LOG.debug("Closing the NATS subscription to {} failed: {}", subject, e.toString());
        }
        dispatcher = null;
    }

    private void deliver(Message message) {
        try {
            receiver.accept(UmeHeaders.read(message));
        } catch (RuntimeException e) {
            LOG.warn("A UME message received on NATS subject {} could not be handled", subject, e);
        }
    }
}
