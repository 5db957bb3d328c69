package io.cascadence.transport.grpc.impl;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.SubscribeRequest;
import io.cascadence.ume.spi.UmeMessage;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * One {@code Subscribe} stream, kept open: when the stream ends or fails it is opened again after a back-off of
 * 0.5 s doubling to 5 s (back to 0.5 s once a message arrives), until {@link #close()}. Messages reach the receiver
 * one at a time, on a thread of the channel's; a receiver that throws is logged and the stream goes on.
 */
final class Subscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
    static final long FIRST_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 5_000;

    private final OwnedChannel owned;
    private final MethodDescriptor<SubscribeRequest, Envelope> method;
    private final Consumer<UmeMessage> receiver;
    private final String target;
    private final Consumer<Subscription> onClose;
    private long backoff = FIRST_BACKOFF_MS;
    private boolean failing;
    private boolean closed;
    private ClientCall<SubscribeRequest, Envelope> call;
    private ScheduledFuture<?> retry;

    Subscription(OwnedChannel owned, MethodDescriptor<SubscribeRequest, Envelope> method,
            Consumer<UmeMessage> receiver, String target, Consumer<Subscription> onClose) {
        this.owned = owned;
        this.method = method;
        this.receiver = receiver;
        this.target = target;
        this.onClose = onClose;
    }

    synchronized void open() {
        if (closed) {
            return;
        }
        GrpcConnection.nudge(owned.channel);
        ClientCall<SubscribeRequest, Envelope> opened = owned.channel.newCall(method, CallOptions.DEFAULT);
        call = opened;
        opened.start(new Listener(opened), new Metadata());
        opened.sendMessage(SubscribeRequest.getDefaultInstance());
        opened.halfClose();
        opened.request(1);
    }

    /** Cancels the stream and any pending re-subscribe; never throws. */
    @Override
    public void close() {
        ClientCall<SubscribeRequest, Envelope> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = call;
            call = null;
            if (retry != null) {
                retry.cancel(false);
            }
        }
        if (open != null) {
            open.cancel("the subscription is closed", null);
        }
        onClose.accept(this);
    }

    private synchronized void ended(ClientCall<SubscribeRequest, Envelope> which, Status status) {
        if (closed || which != call) {
            return;
        }
        call = null;
        if (!failing) {
            if (status.getCode() == Status.Code.UNIMPLEMENTED) {
                LOG.warn("{} has no {}: nothing is received until it has", target, method.getFullMethodName());
            } else {
                LOG.info("The {} stream from {} ended ({}); it is opened again", method.getFullMethodName(), target,
                        GrpcConnection.describe(status));
            }
        }
        failing = true;
        try {
            retry = owned.timer.schedule(this::open, backoff, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return;
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }

    private synchronized void received() {
        backoff = FIRST_BACKOFF_MS;
        if (failing) {
            failing = false;
            LOG.info("The {} stream from {} is back", method.getFullMethodName(), target);
        }
    }

    private final class Listener extends ClientCall.Listener<Envelope> {

        private final ClientCall<SubscribeRequest, Envelope> which;

        Listener(ClientCall<SubscribeRequest, Envelope> which) {
            this.which = which;
        }

        @Override
        public void onMessage(Envelope envelope) {
            received();
            try {
                receiver.accept(EnvelopeCodec.message(envelope));
            } catch (RuntimeException e) {
                LOG.warn("The receiver of {} failed on a message of type {}", target, envelope.getType(), e);
            }
            which.request(1);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            ended(which, status);
        }
    }
}
