package io.cascadence.transport.grpc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.PointerUpdate;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;

class SubscriptionTest {

    private final GrpcConnector connector = new GrpcConnector();
    private final BlockingQueue<UmeMessage> got = new LinkedBlockingQueue<>();
    private UmeServer server;

    @AfterEach
    void closeAll() throws Exception {
        connector.closeAll();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void receivesWhatTheServerStreamsWithEveryEnvelopeField() throws Exception {
        server = UmeServer.start();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
        connection.subscribe(got::add);
        assertThat(Await.until(() -> server.subscribers.size() == 1)).isTrue();

        PointerUpdate update = PointerUpdate.newBuilder().setTaskName("nightly").setRunId("r7").build();
        server.push(Envelope.newBuilder().setType("task_cascadence.ume.protos.PointerUpdate")
                .setPayload(update.toByteString()).setId("u-1").setOrigin("other").setRelayedBy("relay")
                .setTimeMillis(1_700_000_000_000L).setSeq(42).build());

        UmeMessage message = got.poll(30, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(List.of(message.type(), message.id(), message.origin(), message.relayedBy(),
                message.timeMillis(), message.seq())).containsExactly("task_cascadence.ume.protos.PointerUpdate",
                        "u-1", "other", "relay", 1_700_000_000_000L, 42L);
        assertThat(PointerUpdate.parseFrom(message.payload())).isEqualTo(update);
    }

    @Test
    void subscribesAgainAfterTheServerRestartsOnTheSamePort() throws Exception {
        server = UmeServer.start();
        int port = server.port();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
        connection.subscribe(got::add);
        assertThat(Await.until(() -> server.subscribers.size() == 1)).isTrue();
        server.push(Envelope.newBuilder().setId("before").build());
        assertThat(got.poll(30, TimeUnit.SECONDS)).extracting(UmeMessage::id).isEqualTo("before");

        server.close();
        server = UmeServer.start(port);
        assertThat(Await.until(() -> server.subscribers.size() == 1)).isTrue();
        server.push(Envelope.newBuilder().setId("after").build());

        assertThat(got.poll(30, TimeUnit.SECONDS)).extracting(UmeMessage::id).isEqualTo("after");
    }

    @Test
    void aReceiverThatThrowsDoesNotEndTheStream() throws Exception {
        server = UmeServer.start();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
        connection.subscribe(message -> {
            if (message.id().equals("bad")) {
                throw new IllegalStateException("the receiver's own bug");
            }
            got.add(message);
        });
        assertThat(Await.until(() -> server.subscribers.size() == 1)).isTrue();

        server.push(Envelope.newBuilder().setId("bad").build());
        server.push(Envelope.newBuilder().setId("good").build());

        assertThat(got.poll(30, TimeUnit.SECONDS)).extracting(UmeMessage::id).isEqualTo("good");
        assertThat(server.subscribers).hasSize(1);
    }

    @Test
    void closingTheHandleEndsTheStreamAndItIsNotOpenedAgain() throws Exception {
        server = UmeServer.start();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
        AutoCloseable handle = connection.subscribe(got::add);
        assertThat(Await.until(() -> server.subscribers.size() == 1)).isTrue();

        handle.close();

        assertThat(Await.until(server.subscribers::isEmpty)).isTrue();
        server.push(Envelope.newBuilder().setId("late").build());
        connection.send(List.of(GrpcConnectionTest.message(PointerUpdate.getDefaultInstance(), "x", 1)));
        assertThat(server.subscribers).isEmpty();
        assertThat(got).isEmpty();
    }
}
