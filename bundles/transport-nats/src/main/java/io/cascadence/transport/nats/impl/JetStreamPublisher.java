package io.cascadence.transport.nats.impl;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

/**
 * JetStream: publishes the whole batch without waiting, then takes the acknowledgements in order, so a batch costs
 * one round trip and the count of leading acknowledgements is exactly what was stored. Each message carries its id
 * as {@code Nats-Msg-Id}: when a batch is sent again, the stream's duplicate window drops what it already has.
 * The stream is checked (and created if missing) before the first batch and again after a reconnect or failure.
 */
final class JetStreamPublisher implements Publisher {

    static final Duration ACK_WAIT = Duration.ofSeconds(5);

    private final StreamCheck stream;
    private final String subject;
    private final String target;
    private final PublishOptions options;
    private volatile boolean checked;

    JetStreamPublisher(StreamCheck stream, String subject, String target) {
        this.stream = stream;
        this.subject = subject;
        this.target = target;
        this.options = PublishOptions.builder().expectedStream(stream.name()).build();
    }

    @Override
    public void publish(Connection connection, List<UmeMessage> batch) throws DeliveryException {
        if (!checked) {
            stream.ensure(connection);
            checked = true;
        }
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(batch.size());
        RuntimeException refused = null;
        try {
            JetStream jetStream = connection.jetStream();
            for (UmeMessage message : batch) {
                acks.add(jetStream.publishAsync(subject, UmeHeaders.of(message, true),
                        message.payload(), options));
            }
        } catch (IOException | RuntimeException e) {
            refused = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        int stored = awaitInOrder(acks);
        if (refused != null) {
            checked = false;
            throw new DeliveryException("NATS " + target + " refused message " + (acks.size() + 1) + " of the batch: "
                    + refused.getMessage(), stored, refused);
        }
    }

    @Override
    public void reset() {
        checked = false;
    }

    private int awaitInOrder(List<CompletableFuture<PublishAck>> acks) throws DeliveryException {
        long deadline = System.nanoTime() + ACK_WAIT.toNanos();
        int stored = 0;
        for (CompletableFuture<PublishAck> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                stored++;
            } catch (ExecutionException e) {
                checked = false;
                throw new DeliveryException("JetStream " + target + " did not store message " + (stored + 1)
                        + " of the batch: " + describe(e.getCause()), stored, e.getCause());
            } catch (TimeoutException e) {
                checked = false;
                throw new DeliveryException("JetStream " + target + " acknowledged " + stored + " of " + acks.size()
                        + " messages within " + ACK_WAIT.toSeconds() + " s", stored, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("waiting for JetStream " + target + " was interrupted", stored, e);
            }
        }
        return stored;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof JetStreamApiException api) {
            return api.getErrorDescription() + " (JetStream error " + api.getApiErrorCode() + ")";
        }
        return cause == null ? "unknown error" : cause.getMessage();
    }
}
