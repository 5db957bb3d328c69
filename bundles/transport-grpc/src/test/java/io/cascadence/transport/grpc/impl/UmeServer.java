package io.cascadence.transport.grpc.impl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.cascadence.ume.proto.Ack;
import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.SubscribeRequest;
import io.cascadence.ume.proto.UmeGrpc;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * A real gRPC server on 127.0.0.1 serving the Ume service from the generated stub: it keeps what Send receives,
 * can refuse chosen envelopes, and streams what the test pushes to its subscribers.
 */
final class UmeServer implements AutoCloseable {

    final BlockingQueue<Envelope> received = new LinkedBlockingQueue<>();
    final List<ServerCallStreamObserver<Envelope>> subscribers = new CopyOnWriteArrayList<>();
    volatile Function<Envelope, Status> refuse = envelope -> null;
    private final Server server;

    private UmeServer(Server server) {
        this.server = server;
    }

    /** The Ume service on a free port. */
    static UmeServer start() throws IOException {
        return start(0);
    }

    /** The Ume service on {@code port}, 0 for a free one. */
    static UmeServer start(int port) throws IOException {
        UmeServer[] self = new UmeServer[1];
        Server server = serve(port, new UmeGrpc.UmeImplBase() {
            @Override
            public void send(Envelope request, StreamObserver<Ack> answer) {
                self[0].answer(request, answer);
            }

            @Override
            public void subscribe(SubscribeRequest request, StreamObserver<Envelope> stream) {
                ServerCallStreamObserver<Envelope> observer = (ServerCallStreamObserver<Envelope>) stream;
                observer.setOnCancelHandler(() -> self[0].subscribers.remove(observer));
                self[0].subscribers.add(observer);
            }
        });
        self[0] = new UmeServer(server);
        return self[0];
    }

    static Server serve(int port, BindableService service) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(service).build()
                .start();
    }

    /** A port nothing listens on (as far as can be known). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return server.getPort();
    }

    String target() {
        return "127.0.0.1:" + port();
    }

    /** Sends {@code envelope} to every subscriber. */
    void push(Envelope envelope) {
        for (ServerCallStreamObserver<Envelope> subscriber : subscribers) {
            synchronized (subscriber) {
                subscriber.onNext(envelope);
            }
        }
    }

    private void answer(Envelope request, StreamObserver<Ack> answer) {
        Status status = refuse.apply(request);
        if (status != null) {
            answer.onError(status.asRuntimeException());
            return;
        }
        received.add(request);
        answer.onNext(Ack.getDefaultInstance());
        answer.onCompleted();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }
}
