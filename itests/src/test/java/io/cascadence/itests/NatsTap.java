package io.cascadence.itests;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * A consumer of Cascadence's events on a NATS subject, as an external system would be: every message received, in
 * order, with its UME headers.
 */
final class NatsTap implements AutoCloseable {

    /** One received message: its UME headers (empty strings when absent) and its protobuf body. */
    record Received(String type, String id, String origin, String relay, long seq, byte[] body) {

        String shortType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private final Connection connection;
    private final List<Received> received = new ArrayList<>();

    private NatsTap(Connection connection) {
        this.connection = connection;
    }

    /** Subscribes to {@code subject} on the server at {@code url}. */
    static NatsTap on(String url, String subject) {
        try {
            Connection connection = Nats.connect(new Options.Builder().server(url).maxReconnects(-1)
                    .reconnectWait(Duration.ofMillis(200)).build());
            NatsTap tap = new NatsTap(connection);
            Dispatcher dispatcher = connection.createDispatcher(tap::take);
            dispatcher.subscribe(subject);
            connection.flush(Duration.ofSeconds(5));
            return tap;
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("cannot subscribe to " + subject + " on " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Received received(Message message) {
        return new Received(header(message, "Ume-Type"), header(message, "Ume-Id"), header(message, "Ume-Origin"),
                header(message, "Ume-Relay"), Long.parseLong(header(message, "Ume-Seq").isEmpty() ? "0"
                        : header(message, "Ume-Seq")), message.getData());
    }

    private static String header(Message message, String name) {
        if (message.getHeaders() == null) {
            return "";
        }
        String value = message.getHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private synchronized void take(Message message) {
        received.add(received(message));
    }

    synchronized List<Received> all() {
        return List.copyOf(received);
    }

    /** The messages received so far that match, in order. */
    List<Received> matching(Predicate<Received> filter) {
        return all().stream().filter(filter).toList();
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
