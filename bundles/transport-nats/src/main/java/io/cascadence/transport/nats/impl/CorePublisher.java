package io.cascadence.transport.nats.impl;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;

/**
 * Core NATS: publishes the batch, then flushes, which returns once the server has read everything before it. Core
 * NATS says nothing per message, so a failure counts as nothing delivered: the batch is sent again whole, which
 * may repeat messages but never loses one.
 */
final class CorePublisher implements Publisher {

    static final Duration FLUSH = Duration.ofSeconds(2);

    private final String subject;
    private final String target;

    CorePublisher(String subject, String target) {
        this.subject = subject;
        this.target = target;
    }

    @Override
    public void publish(Connection connection, List<UmeMessage> batch) throws DeliveryException {
        try {
            for (UmeMessage message : batch) {
                connection.publish(subject, UmeHeaders.of(message, false), message.payload());
            }
            connection.flush(FLUSH);
        } catch (TimeoutException e) {
            throw new DeliveryException("NATS " + target + " did not confirm the batch within " + FLUSH.toSeconds()
                    + " s", 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("publishing to NATS " + target + " was interrupted", 0, e);
        } catch (RuntimeException e) {
            throw new DeliveryException("NATS " + target + " refused the batch: " + e.getMessage(), 0, e);
        }
        // jnats keeps what is published while it reconnects and may answer a flush from that buffer; only a
        // connection that stayed up has really delivered.
        if (connection.getStatus() != Connection.Status.CONNECTED) {
            throw new DeliveryException("NATS " + target + " lost the connection while publishing", 0, null);
        }
    }
}
