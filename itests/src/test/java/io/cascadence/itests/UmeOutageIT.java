package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.ume.proto.TaskRun;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;

/**
 * The transport's server goes away while runs emit events, and comes back: runs go on as if nothing happened,
 * the events wait in the buffer and reach the server's JetStream stream once each, in order; a buffer too small
 * for the outage drops the oldest and says so. A private nats-server on a free port plays the server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UmeOutageIT {

    private static final String STREAM = "UME_OUTAGE";
    private static final String SUBJECT = "itest.outage";

    private static NatsServerProcess server;
    private static Installation installation;
    private static ContainerProcess container;

    @BeforeAll
    static void start() {
        server = NatsServerProcess.start();
        installation = Installation.copy("ume-outage");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.transport.cfg"),
                "ume_transport = nats\nume_nats_conn = " + server.url() + "\nume_nats_subject = " + SUBJECT
                        + "\nume_nats_stream = " + STREAM + "\nume_buffer = 5000\n");
        container = installation.start();
        awaitDrained();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode nats() {
        return container.http.get("/health").json().path("transports").path("nats");
    }

    private static void awaitDrained() {
        Await.until(Duration.ofSeconds(60), () -> "connected with nothing waiting: " + nats(),
                () -> nats().path("state").asText().equals("connected") && nats().path("backlog").asInt() == 0);
    }

    private static List<String> runExamples(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Response run = container.http.post("/tasks/example/run");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            String id = run.json().path("run_id").asText();
            assertThat(container.http.get("/runs/" + id).json().path("status").asText()).isEqualTo("success");
            ids.add(id);
        }
        return ids;
    }

    /** The stream's messages, oldest first. */
    private static List<NatsTap.Received> stream() throws IOException, InterruptedException {
        try (Connection connection = Nats.connect(server.url())) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            long last = jsm.getStreamInfo(STREAM).getStreamState().getLastSequence();
            long first = jsm.getStreamInfo(STREAM).getStreamState().getFirstSequence();
            List<NatsTap.Received> messages = new ArrayList<>();
            for (long seq = first; seq <= last && last > 0; seq++) {
                MessageInfo info = jsm.getMessage(STREAM, seq);
                messages.add(new NatsTap.Received(info.getHeaders().getFirst("Ume-Type"),
                        info.getHeaders().getFirst("Ume-Id"), info.getHeaders().getFirst("Ume-Origin"), "",
                        Long.parseLong(info.getHeaders().getFirst("Ume-Seq")), info.getData()));
            }
            return messages;
        } catch (io.nats.client.JetStreamApiException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void runsGoOnWhileTheServerIsDownAndEveryEventArrivesOnceInOrderWhenItIsBack() throws Exception {
        List<String> before = runExamples(2);
        awaitDrained();

        server.halt();
        Await.until("the transport disconnected", () -> nats().path("state").asText().equals("disconnected"));
        List<String> during = runExamples(5);
        Await.until("events waiting", () -> nats().path("backlog").asInt() > 0);
        assertThat(container.http.get("/health").json().path("warnings").toString())
                .contains("UME transport nats is disconnected");

        server.resume();
        awaitDrained();
        List<String> after = runExamples(1);
        awaitDrained();

        List<NatsTap.Received> stored = stream();
        long highest = stored.stream().mapToLong(NatsTap.Received::seq).max().orElseThrow();
        assertThat(stored).extracting(NatsTap.Received::seq)
                .as("every event once, in the order it happened")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, highest).boxed().toList());
        List<String> ended = new ArrayList<>();
        for (NatsTap.Received message : stored) {
            if (message.shortType().equals("TaskRun")) {
                TaskRun run = TaskRun.parseFrom(message.body());
                assertThat(run.getStatus()).isEqualTo("success");
                ended.add(run.getRunId());
            }
        }
        List<String> expected = new ArrayList<>(before);
        expected.addAll(during);
        expected.addAll(after);
        assertThat(ended).containsExactlyElementsOf(expected);
        assertThat(nats().path("dropped").asLong()).isZero();
    }

    @Test
    @Order(2)
    void aBufferTooSmallForTheOutageDropsTheOldestAndCountsThem() throws Exception {
        long storedBefore = stream().size();
        Installation.writeAtomically(installation.config().resolve("io.cascadence.transport.cfg"),
                "ume_transport = nats\nume_nats_conn = " + server.url() + "\nume_nats_subject = " + SUBJECT
                        + "\nume_nats_stream = " + STREAM + "\nume_buffer = 10\n");
        Await.until("ume_buffer 10 in force", () -> nats().path("capacity").asInt() == 10);
        awaitDrained();
        server.halt();
        Await.until("the transport disconnected", () -> nats().path("state").asText().equals("disconnected"));
        List<String> during = runExamples(4);
        Await.until("events dropped", () -> nats().path("dropped").asLong() > 0);
        long dropped = nats().path("dropped").asLong();
        assertThat(nats().path("backlog").asInt()).isEqualTo(10);
        assertThat(container.http.get("/metrics").body())
                .contains("cascadence_ume_dropped_total{transport=\"nats\",} " + dropped + ".0");
        assertThat(container.http.get("/health").json().path("warnings").toString())
                .contains("dropped " + dropped + " events");

        server.resume();
        awaitDrained();
        List<NatsTap.Received> stored = stream();
        long lastBefore = stored.get((int) storedBefore - 1).seq();
        List<NatsTap.Received> kept = stored.subList((int) storedBefore, stored.size());
        assertThat(kept).hasSize(10);
        assertThat(kept.get(0).seq()).as("the oldest were dropped").isEqualTo(lastBefore + dropped + 1);
        assertThat(kept).extracting(NatsTap.Received::seq)
                .containsExactlyElementsOf(LongStream.range(kept.get(0).seq(), kept.get(0).seq() + 10).boxed()
                        .toList());
        assertThat(kept.stream().filter(m -> m.shortType().equals("TaskRun")).map(m -> {
            try {
                return TaskRun.parseFrom(m.body()).getRunId();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).as("the newest events are the ones kept").contains(during.get(3));
    }
}
