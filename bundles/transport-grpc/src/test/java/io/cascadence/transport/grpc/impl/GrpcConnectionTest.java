package io.cascadence.transport.grpc.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Message;

import io.cascadence.ume.proto.AuditEvent;
import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.StageUpdate;
import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;

class GrpcConnectionTest {

    private final GrpcConnector connector = new GrpcConnector();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        connector.closeAll();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void sendsEachMessageOfABatchInOrderAsAnEnvelopeTheServerDecodes() throws Exception {
        UmeServer server = serve(UmeServer.start());
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
        StageUpdate stage = StageUpdate.newBuilder().setTaskName("nightly").setStage("extract").setRunId("r1")
                .build();
        AuditEvent audit = AuditEvent.newBuilder().setTaskName("nightly").setStage("extract").setStatus("success")
                .setRunId("r1").build();

        connection.send(List.of(message(stage, "id-1", 1), message(audit, "id-2", 2)));

        assertThat(server.received).hasSize(2);
        Envelope first = server.received.take();
        Envelope second = server.received.take();
        assertThat(first.getType()).isEqualTo("task_cascadence.ume.protos.StageUpdate");
        assertThat(StageUpdate.parseFrom(first.getPayload())).isEqualTo(stage);
        assertThat(List.of(first.getId(), first.getOrigin(), first.getRelayedBy(), first.getTimeMillis(),
                first.getSeq())).containsExactly("id-1", "origin-a", "relay-b", 1_700_000_000_001L, 1L);
        assertThat(second.getType()).isEqualTo("task_cascadence.ume.protos.AuditEvent");
        assertThat(AuditEvent.parseFrom(second.getPayload())).isEqualTo(audit);
        assertThat(second.getSeq()).isEqualTo(2);
        assertThat(connection.connected()).isTrue();
        assertThat(connection.target()).isEqualTo(server.target() + " method cascadence.ume.Ume/Send");
    }

    @Test
    void aFullMethodNameCallsTheUsersOwnServiceAndIgnoresItsAnswer() throws Exception {
        BlockingQueue<Envelope> taken = new LinkedBlockingQueue<>();
        MethodDescriptor<Envelope, StageUpdate> take = MethodDescriptor.<Envelope, StageUpdate>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("my.pkg.Sink/Take")
                .setRequestMarshaller(ProtoUtils.marshaller(Envelope.getDefaultInstance()))
                .setResponseMarshaller(ProtoUtils.marshaller(StageUpdate.getDefaultInstance()))
                .build();
        ServerServiceDefinition sink = ServerServiceDefinition.builder("my.pkg.Sink")
                .addMethod(take, ServerCalls.asyncUnaryCall((envelope, answer) -> {
                    taken.add(envelope);
                    answer.onNext(StageUpdate.newBuilder().setTaskName("an answer nobody reads").build());
                    answer.onCompleted();
                }))
                .build();
        Server server = UmeServer.serve(0, () -> sink);
        toClose.add(() -> server.shutdownNow().awaitTermination());
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", "127.0.0.1:" + server.getPort(),
                "ume_grpc_method", "my.pkg.Sink/Take"));

        connection.send(List.of(message(StageUpdate.newBuilder().setStage("load").build(), "id-9", 9)));

        assertThat(taken).singleElement().satisfies(envelope -> {
            assertThat(envelope.getId()).isEqualTo("id-9");
            assertThat(StageUpdate.parseFrom(envelope.getPayload()).getStage()).isEqualTo("load");
        });
        assertThat(connection.target()).endsWith(" method my.pkg.Sink/Take");
    }

    @Test
    void aRefusedMessageStopsTheBatchAndSaysHowManyArrived() throws Exception {
        UmeServer server = serve(UmeServer.start());
        server.refuse = envelope -> envelope.getId().equals("id-2")
                ? Status.INVALID_ARGUMENT.withDescription("not this one") : null;
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
        StageUpdate stage = StageUpdate.newBuilder().setStage("s").build();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> connection.send(
                List.of(message(stage, "id-1", 1), message(stage, "id-2", 2), message(stage, "id-3", 3))));

        assertThat(failure.delivered()).isEqualTo(1);
        assertThat(failure.getMessage()).contains(server.target(), "INVALID_ARGUMENT", "not this one");
        assertThat(server.received).extracting(Envelope::getId).containsExactly("id-1");
    }

    @Test
    void aMethodTheServerLacksFailsTheFirstMessage() throws Exception {
        UmeServer server = serve(UmeServer.start());
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target(),
                "ume_grpc_method", "Publish"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> connection.send(List.of(message(StageUpdate.getDefaultInstance(), "id-1", 1))));

        assertThat(failure.delivered()).isZero();
        assertThat(failure.getMessage()).contains("cascadence.ume.Ume/Publish", "UNIMPLEMENTED");
    }

    @Test
    void aServerThatIsDownFailsAtOnceWithNothingDelivered() throws Exception {
        String target = "127.0.0.1:" + UmeServer.freePort();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", target));
        assertThat(connection.connected()).isFalse();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> connection.send(List.of(message(StageUpdate.getDefaultInstance(), "id-1", 1))));

        assertThat(failure.delivered()).isZero();
        assertThat(failure.getMessage()).contains(target, "UNAVAILABLE");
        assertThat(connection.connected()).isFalse();
    }

    @Test
    void aServerThatComesUpLaterIsReached() throws Exception {
        int port = UmeServer.freePort();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", "127.0.0.1:" + port));
        UmeMessage message = message(StageUpdate.getDefaultInstance(), "id-1", 1);
        catchThrowableOfType(DeliveryException.class, () -> connection.send(List.of(message)));

        UmeServer server = serve(UmeServer.start(port));
        connection.send(List.of(message));

        assertThat(server.received).extracting(Envelope::getId).containsExactly("id-1");
        assertThat(connection.connected()).isTrue();
    }

    private UmeServer serve(UmeServer server) {
        toClose.add(server);
        return server;
    }

    static UmeMessage message(Message payload, String id, long seq) {
        return new UmeMessage(payload.getDescriptorForType().getFullName(), payload.toByteArray(), id, "origin-a",
                "relay-b", 1_700_000_000_000L + seq, seq);
    }
}
