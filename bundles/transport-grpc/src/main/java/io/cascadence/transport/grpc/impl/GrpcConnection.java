package io.cascadence.transport.grpc.impl;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.SubscribeRequest;
import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;
import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

/**
 * A plaintext gRPC connection to one server ({@code ume_grpc_stub}) that delivers each message with one unary call
 * of {@code ume_grpc_method}, carrying a {@code cascadence.ume.Envelope}; the answer is not read, only waited for.
 * {@link #subscribe} reads the {@code Subscribe} stream of the same service. gRPC reconnects by itself; a call made
 * while the server is down fails at once rather than waiting for it.
 */
public final class GrpcConnection implements UmeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcConnection.class);
    /** How long one message may take to be answered, in milliseconds. */
    static final long DEADLINE_MS = 5_000;
    /** How long a send or re-subscribe waits for a failed channel to start connecting again, in milliseconds. */
    static final long NUDGE_MS = 1_000;

    private final GrpcSettings settings;
    private final OwnedChannel owned;
    private final MethodDescriptor<Envelope, Object> sendMethod;
    private final MethodDescriptor<SubscribeRequest, Envelope> subscribeMethod;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Consumer<GrpcConnection> onClose;
    private volatile boolean reachable;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates the channel and starts connecting, without waiting for it.
     *
     * @param onClose told once when the connection is closed
     * @throws IllegalArgumentException when gRPC does not take the target, naming {@code ume_grpc_stub}
     */
    GrpcConnection(GrpcSettings settings, Consumer<GrpcConnection> onClose) {
        this.settings = settings;
        this.onClose = onClose;
        this.sendMethod = UmeMethods.send(settings.method());
        this.subscribeMethod = UmeMethods.subscribe(settings.service());
        try {
            this.owned = new OwnedChannel(settings.target());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(GrpcSettings.STUB + " '" + settings.target()
                    + "' is not a gRPC target (" + e.getMessage() + "): give host:port or dns:///host:port", e);
        }
        // Connecting now rather than at the first event lets status say "connected" as soon as the server is.
        owned.channel.getState(true);
    }

    /** {@code 127.0.0.1:50051 method cascadence.ume.Ume/Send}. */
    @Override
    public String target() {
        return settings.target() + " method " + settings.method();
    }

    /**
     * Whether the channel is connected. A channel that is idle (nothing sent yet, or idle for a long while) starts
     * connecting and is reported as the last call found the server; a channel that failed to connect is not
     * connected.
     */
    @Override
    public boolean connected() {
        if (closed.get()) {
            return false;
        }
        ConnectivityState state = owned.channel.getState(true);
        if (state == ConnectivityState.READY) {
            reachable = true;
        } else if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
            reachable = false;
        }
        return reachable;
    }

    /**
     * Sends each message with its own call, in order, waiting for each answer for at most
     * {@value #DEADLINE_MS} ms.
     *
     * @throws DeliveryException at the first call that fails (server down, deadline passed, method unknown to the
     *         server), naming the target and the gRPC status; {@code delivered()} is that message's index
     */
    @Override
    public void send(List<UmeMessage> batch) throws DeliveryException {
        nudge(owned.channel);
        for (int i = 0; i < batch.size(); i++) {
            if (closed.get()) {
                throw new DeliveryException(target() + ": the connection is closed", i, null);
            }
            CallOptions options = CallOptions.DEFAULT.withoutWaitForReady()
                    .withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
            try {
                ClientCalls.blockingUnaryCall(owned.channel, sendMethod, options,
                        EnvelopeCodec.envelope(batch.get(i)));
                reachable = true;
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                reachable = code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED;
                throw new DeliveryException("gRPC " + target() + ": " + describe(e.getStatus()), i, e);
            }
        }
    }

    /**
     * Opens the {@code Subscribe} stream of the method's service with an empty {@code SubscribeRequest} (all
     * types); see {@link Subscription} for how it is kept open.
     *
     * @throws DeliveryException when the connection is closed
     */
    @Override
    public AutoCloseable subscribe(Consumer<UmeMessage> receiver) throws DeliveryException {
        if (closed.get()) {
            throw new DeliveryException(target() + ": the connection is closed", 0, null);
        }
        Subscription subscription = new Subscription(owned, subscribeMethod, receiver, settings.target(),
                subscriptions::remove);
        subscriptions.add(subscription);
        subscription.open();
        return subscription;
    }

    /** Cancels the subscriptions, lets calls in flight finish for up to 2 s, then stops every thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            List.copyOf(subscriptions).forEach(Subscription::close);
            owned.close();
            LOG.debug("Closed the gRPC connection to {}", target());
        } catch (RuntimeException e) {
            LOG.warn("Closing the gRPC connection to {} failed", target(), e);
        } finally {
            onClose.accept(this);
        }
    }

    /**
     * Makes a channel that failed to connect try again now rather than after gRPC's own back-off, which grows to
     * two minutes: the courier and the subscriptions have back-offs of their own, of a few seconds. It waits (up
     * to {@value #NUDGE_MS} ms) until the channel is connecting, so that the call made next waits for that attempt
     * instead of failing on the old failure.
     */
    static void nudge(ManagedChannel channel) {
        if (channel.getState(false) != ConnectivityState.TRANSIENT_FAILURE) {
            return;
        }
        CountDownLatch changed = new CountDownLatch(1);
        channel.notifyWhenStateChanged(ConnectivityState.TRANSIENT_FAILURE, changed::countDown);
        channel.resetConnectBackoff();
        try {
            changed.await(NUDGE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code UNAVAILABLE: io exception (Connection refused: /127.0.0.1:50051)}. */
    static String describe(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().name());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            text.append(" (").append(status.getCause().getMessage()).append(')');
        }
        return text.toString();
    }
}
