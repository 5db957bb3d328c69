package io.cascadence.transport.nats.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.StageUpdate;
import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;

/** Against the machine's NATS server on 127.0.0.1:4222 (JetStream enabled), each test on subjects of its own. */
class NatsConnectionTest {

    private static final String SERVER = "nats://127.0.0.1:4222";

    private final List<String> streams = new ArrayList<>();
    private Connection plain;
    private UmeConnection connection;

    @BeforeEach
    void connectPlainClient() throws Exception {
        plain = Nats.connect(SERVER);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (connection != null) {
            connection.close();
        }
        JetStreamManagement management = plain.jetStreamManagement();
        for (String stream : streams) {
            management.deleteStream(stream);
        }
        plain.close();
    }

    @Test
    void aMessageLargerThanTheServerTakesIsRejectedAfterThoseBeforeItAreDelivered() throws Exception {
        String subject = Messages.unique("events");
        Subscription received = plain.subscribe(subject);
        plain.flush(Duration.ofSeconds(2));
        connection = openConnected(Map.of("ume_nats_conn", SERVER, "ume_nats_subject", subject));
        byte[] huge = StageUpdate.newBuilder().setStage("x".repeat((int) plain.getServerInfo().getMaxPayload()))
                .build().toByteArray();
        UmeMessage tooLarge = new UmeMessage(Messages.TYPE, huge, "huge", Messages.ORIGIN, "", 0, 2);
        List<UmeMessage> batch = List.of(Messages.stage("s1", 1), tooLarge, Messages.stage("s3", 3));

        assertThatThrownBy(() -> connection.send(batch)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.delivered()).isEqualTo(1);
            assertThat(e.rejected()).isTrue();
            assertThat(e.getMessage()).contains("max_payload");
        });
        assertThat(StageUpdate.parseFrom(received.nextMessage(Duration.ofSeconds(5)).getData()).getStage())
                .isEqualTo("s1");
        connection.send(batch.subList(2, 3));
        assertThat(StageUpdate.parseFrom(received.nextMessage(Duration.ofSeconds(5)).getData()).getStage())
                .isEqualTo("s3");
    }

    @Test
    void coreModeDeliversTheBatchInOrderAsBareProtobufWithTheEnvelopeInHeaders() throws Exception {
        String subject = Messages.unique("events");
        Subscription received = plain.subscribe(subject);
        plain.flush(Duration.ofSeconds(2));
        connection = openConnected(Map.of("ume_nats_conn", SERVER, "ume_nats_subject", subject));
        UmeMessage relayed = Messages.stage("s3", 3).relayedBy("relay-1");
        List<UmeMessage> batch = List.of(Messages.stage("s1", 1), Messages.stage("s2", 2), relayed);

        connection.send(batch);

        for (UmeMessage sent : batch) {
            Message message = received.nextMessage(Duration.ofSeconds(5));
            assertThat(message).as("message %s", sent.seq()).isNotNull();
            assertThat(StageUpdate.parseFrom(message.getData()).getStage()).isEqualTo("s" + sent.seq());
            Headers headers = message.getHeaders();
            assertThat(headers.getFirst("Ume-Type")).isEqualTo("task_cascadence.ume.protos.StageUpdate");
            assertThat(headers.getFirst("Ume-Id")).isEqualTo(sent.id());
            assertThat(headers.getFirst("Ume-Origin")).isEqualTo(Messages.ORIGIN);
            assertThat(headers.getFirst("Ume-Time")).isEqualTo(Long.toString(sent.timeMillis()));
            assertThat(headers.getFirst("Ume-Seq")).isEqualTo(Long.toString(sent.seq()));
            assertThat(headers.getFirst("Ume-Relay")).isEqualTo(sent.relayedBy().isEmpty() ? null : "relay-1");
            assertThat(headers.getFirst("Nats-Msg-Id")).as("only JetStream mode sets it").isNull();
        }
        assertThat(connection.target()).isEqualTo(SERVER + " subject " + subject);
    }

    @Test
    void subscribeTurnsWhatOthersPublishIntoUmeMessagesWithOrWithoutHeaders() throws Exception {
        String subject = Messages.unique("events");
        connection = openConnected(Map.of("ume_nats_subject", subject));
        BlockingQueue<UmeMessage> received = new LinkedBlockingQueue<>();
        AutoCloseable subscription = connection.subscribe(message -> {
            if (message.id().equals("boom")) {
                throw new IllegalStateException("a receiver that fails");
            }
            received.add(message);
        });
        // A flush on the same connection returns once the server has the subscription too.
        connection.send(List.of(Messages.stage("own", 1)));

        UmeMessage sent = Messages.stage("s1", 7).relayedBy("relay-2");
        Headers failing = new Headers().put("Ume-Id", "boom");
        plain.publish(subject, failing, sent.payload());
        plain.publish(subject, UmeHeaders.of(sent, false), sent.payload());
        byte[] bare = StageUpdate.newBuilder().setStage("bare").build().toByteArray();
        plain.publish(subject, bare);
        plain.flush(Duration.ofSeconds(2));

        UmeMessage withHeaders = received.poll(5, TimeUnit.SECONDS);
        assertThat(withHeaders).isNotNull();
        assertThat(withHeaders.type()).isEqualTo(Messages.TYPE);
        assertThat(withHeaders.payload()).isEqualTo(sent.payload());
        assertThat(withHeaders.id()).isEqualTo(sent.id());
        assertThat(withHeaders.origin()).isEqualTo(Messages.ORIGIN);
        assertThat(withHeaders.relayedBy()).isEqualTo("relay-2");
        assertThat(withHeaders.timeMillis()).isEqualTo(sent.timeMillis());
        assertThat(withHeaders.seq()).isEqualTo(7);

        UmeMessage plainBytes = received.poll(5, TimeUnit.SECONDS);
        assertThat(plainBytes).isNotNull();
        assertThat(StageUpdate.parseFrom(plainBytes.payload()).getStage()).isEqualTo("bare");
        assertThat(plainBytes).extracting(UmeMessage::type, UmeMessage::id, UmeMessage::origin,
                UmeMessage::relayedBy, UmeMessage::timeMillis, UmeMessage::seq).containsExactly("", "", "", "", 0L, 0L);
        assertThat(received).as("its own message does not come back").isEmpty();

        subscription.close();
        plain.publish(subject, bare);
        plain.flush(Duration.ofSeconds(2));
        connection.send(List.of(Messages.stage("own", 2)));
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("after the handle is closed").isNull();
    }

    @Test
    void jetStreamModeStoresTheBatchInOrderAndDropsMessagesSentAgain() throws Exception {
        String subject = Messages.unique("events");
        String stream = Messages.unique("UME");
        streams.add(stream);
        connection = openConnected(Map.of("ume_nats_subject", subject, "ume_nats_stream", stream));
        List<UmeMessage> batch = Messages.batch(3);

        connection.send(batch);
        connection.send(batch);

        JetStreamManagement management = plain.jetStreamManagement();
        assertThat(management.getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            MessageInfo stored = management.getMessage(stream, i + 1);
            assertThat(StageUpdate.parseFrom(stored.getData()).getStage()).isEqualTo("s" + (i + 1));
            assertThat(stored.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(batch.get(i).id());
            assertThat(stored.getHeaders().getFirst("Ume-Seq")).isEqualTo(Long.toString(i + 1));
        }
        assertThat(connection.target()).endsWith(" subject " + subject + " stream " + stream);
    }

    @Test
    void jetStreamModeRefusesAStreamThatDoesNotStoreTheSubject() throws Exception {
        String stream = Messages.unique("OTHER");
        streams.add(stream);
        plain.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream)
                .subjects(Messages.unique("elsewhere")).storageType(StorageType.Memory).build());
        String subject = Messages.unique("events");
        connection = openConnected(Map.of("ume_nats_subject", subject, "ume_nats_stream", stream));

        assertThatThrownBy(() -> connection.send(Messages.batch(1))).isInstanceOf(DeliveryException.class)
                .hasMessageContaining(stream).hasMessageContaining(subject)
                .extracting(e -> ((DeliveryException) e).delivered()).isEqualTo(0);
    }

    private static UmeConnection openConnected(Map<String, String> settings) throws Exception {
        UmeConnection opened = new NatsConnector().open(settings);
        Await.until(Duration.ofSeconds(10), () -> assertThat(opened.connected()).isTrue());
        return opened;
    }
}
