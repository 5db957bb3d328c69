package io.cascadence.ume.spi;

import java.util.List;
import java.util.function.Consumer;

/**
 * A connection to one transport's server, opened by {@link UmeConnector#open}. It reconnects by itself while
 * open. {@link #send} is called by one thread at a time; the other methods may be called from any thread.
 */
public interface UmeConnection extends AutoCloseable {

    /** Where messages go, for status and logs: {@code nats://127.0.0.1:4222 subject events}. */
    String target();

    /** Whether the server is reachable now, as far as the connection knows. */
    boolean connected();

    /**
     * Delivers a batch in order and returns once the server has it: published and flushed (NATS), acknowledged
     * (JetStream) or answered (gRPC). Never blocks much longer than a few seconds.
     *
     * @param batch one or more messages, oldest first
     * @throws DeliveryException when not all arrived; {@link DeliveryException#delivered()} says how many did
     */
    void send(List<UmeMessage> batch) throws DeliveryException;

    /**
     * Receives the messages other installations send (on the NATS subject, or from the gRPC service's
     * {@code Subscribe} stream), on a thread of the connection's, until the returned handle is closed or the
     * connection is. The connection re-subscribes after a reconnect. Whether the connection's own messages come
     * back is the transport's choice (NATS: they do not); receivers tell them apart by
     * {@link UmeMessage#origin()}.
     *
     * @param receiver called once per message; what it throws is logged and the next message still arrives
     * @throws DeliveryException when the subscription could not be set up
     */
    AutoCloseable subscribe(Consumer<UmeMessage> receiver) throws DeliveryException;

    /** Closes the connection and its subscriptions within a few seconds; never throws. */
    @Override
    void close();
}
