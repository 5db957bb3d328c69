package io.cascadence.transport.nats.impl;

import java.util.List;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;

/** How a batch goes out on a connected NATS connection: core NATS or JetStream. */
interface Publisher {

    /**
     * Delivers the batch in order.
     *
     * @throws DeliveryException when not all arrived, saying how many at the start did
     */
    void publish(Connection connection, List<UmeMessage> batch) throws DeliveryException;

    /** Forgets what it learnt about the server, after a reconnect (the server may have restarted empty). */
    default void reset() {
    }
}
