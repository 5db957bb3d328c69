package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.Ack;
import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.PointerUpdate;
import io.cascadence.ume.proto.StageUpdate;
import io.cascadence.ume.proto.SubscribeRequest;
import io.cascadence.ume.proto.TaskRun;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * A receiver of the {@code cascadence.ume.Ume} service, in this JVM, gets the events of a run from an installation
 * whose {@code ume_transport} is {@code grpc}, and decodes them with the generated classes; pointer sync reads its
 * {@code Subscribe} stream.
 */
class UmeGrpcIT {

    private static final Path PIPELINE = Path.of(System.getProperty("pipeline.jar"));
    private static final MethodDescriptor<Envelope, Ack> SEND = MethodDescriptor.<Envelope, Ack>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("cascadence.ume.Ume/Send")
            .setRequestMarshaller(ProtoUtils.marshaller(Envelope.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(Ack.getDefaultInstance())).build();
    private static final MethodDescriptor<SubscribeRequest, Envelope> SUBSCRIBE = MethodDescriptor
            .<SubscribeRequest, Envelope>newBuilder().setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName("cascadence.ume.Ume/Subscribe")
            .setRequestMarshaller(ProtoUtils.marshaller(SubscribeRequest.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(Envelope.getDefaultInstance())).build();

    private static final List<Envelope> received = new CopyOnWriteArrayList<>();
    private static final List<StreamObserver<Envelope>> subscribers = new CopyOnWriteArrayList<>();
    private static Server server;
    private static Installation installation;
    private static ContainerProcess container;

    @BeforeAll
    static void start() throws IOException {
        ServerServiceDefinition ume = ServerServiceDefinition.builder("cascadence.ume.Ume")
                .addMethod(SEND, ServerCalls.asyncUnaryCall((envelope, answer) -> {
                    received.add(envelope);
                    answer.onNext(Ack.getDefaultInstance());
                    answer.onCompleted();
                }))
                .addMethod(SUBSCRIBE, ServerCalls.asyncServerStreamingCall((request, stream) -> subscribers
                        .add(stream)))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(ume).build()
                .start();
        installation = Installation.copy("ume-grpc");
        Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
        installation.environment.put("UME_TRANSPORT", "grpc");
        installation.environment.put("UME_GRPC_STUB", "127.0.0.1:" + server.getPort());
        installation.environment.put("UME_POINTER_SYNC", "true");
        container = installation.start();
        Await.until("the gRPC transport connected", () -> container.http.get("/health").json().path("transports")
                .path("grpc").path("state").asText().equals("connected") || !received.isEmpty());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theEventsOfARunArriveInOrderAndDecode() throws Exception {
        Http.Response run = container.http.post("/tasks/example/run", Map.of("X-User-ID", "alice-raw-id"));
        assertThat(run.status()).isEqualTo(200);
        String runId = run.json().path("run_id").asText();
        Await.until("the run's TaskRun", () -> received.stream().anyMatch(e -> e.getType()
                .equals("task_cascadence.ume.protos.TaskRun") && runOf(e).equals(runId)));

        List<Envelope> all = new ArrayList<>(received);
        assertThat(all).extracting(Envelope::getSeq).isSorted().doesNotHaveDuplicates();
        assertThat(all).allSatisfy(e -> {
            assertThat(e.getOrigin()).isNotEmpty();
            assertThat(e.getId()).isNotEmpty();
            assertThat(e.getTimeMillis()).isPositive();
            assertThat(e.getPayload().toStringUtf8()).doesNotContain("alice-raw-id");
        });
        List<String> stages = new ArrayList<>();
        for (Envelope envelope : all) {
            if (envelope.getType().equals("task_cascadence.ume.protos.StageUpdate")) {
                StageUpdate update = StageUpdate.parseFrom(envelope.getPayload());
                if (update.getRunId().equals(runId)) {
                    stages.add(update.getStage());
                    assertThat(update.getUserHash()).hasSize(64);
                    assertThat(update.getUserId()).isEmpty();
                }
            }
        }
        assertThat(stages).containsSubsequence("intake", "run");
        TaskRun ended = TaskRun.parseFrom(all.stream().filter(e -> e.getType().endsWith(".TaskRun")
                && runOf(e).equals(runId)).findFirst().orElseThrow().getPayload());
        assertThat(ended.getStatus()).isEqualTo("success");
        assertThat(container.http.get("/health").json().path("transports").path("grpc").path("target").asText())
                .contains("127.0.0.1:" + server.getPort()).contains("cascadence.ume.Ume/Send");
    }

    @Test
    void pointerSyncStoresWhatTheSubscribeStreamSends() {
        Await.until("pointer sync subscribed", () -> !subscribers.isEmpty());
        String aliceHash = "ab".repeat(32);
        Envelope update = Envelope.newBuilder().setType("task_cascadence.ume.protos.PointerUpdate")
                .setId(UUID.randomUUID().toString()).setOrigin("another-installation")
                .setPayload(PointerUpdate.newBuilder().setTaskName("family_pointer").setRunId("run-over-grpc")
                        .setUserHash(aliceHash).build().toByteString()).build();
        for (StreamObserver<Envelope> subscriber : subscribers) {
            subscriber.onNext(update);
        }
        Await.until("the pointer stored", () -> Installation.read(installation.home.resolve("data/pointers.yml"))
                .contains("run-over-grpc"));
        assertThat(Installation.read(installation.home.resolve("data/pointers.yml"))).contains(aliceHash);
    }

    private static String runOf(Envelope envelope) {
        try {
            return TaskRun.parseFrom(envelope.getPayload()).getRunId();
        } catch (IOException e) {
            return "";
        }
    }
}
