package io.cascadence.transport.nats.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Connection;
import io.nats.client.Nats;

/** A private nats-server that goes away and comes back on the same port. */
class NatsOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(15);

    @TempDir
    Path store;
    private PrivateNatsServer server;
    private UmeConnection connection;

    @AfterEach
    void stopEverything() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "JetStream {0}")
    @ValueSource(booleans = {false, true})
    void sendFailsWhileTheServerIsDownAndWorksAgainOnceItIsBack(boolean jetStream) throws Exception {
        server = new PrivateNatsServer(jetStream ? store : null);
        server.start();
        Map<String, String> settings = new HashMap<>(Map.of("ume_nats_conn", server.url()));
        if (jetStream) {
            settings.put("ume_nats_stream", "UME");
        }
        connection = new NatsConnector().open(settings);
        Await.until(RECOVERY, () -> assertThat(connection.connected()).isTrue());
        connection.send(Messages.batch(2));

        server.stop();

        Await.until(RECOVERY, () -> assertThat(connection.connected()).isFalse());
        assertThatThrownBy(() -> connection.send(Messages.batch(2))).isInstanceOf(DeliveryException.class)
                .hasMessageContaining(server.url())
                .extracting(e -> ((DeliveryException) e).delivered()).isEqualTo(0);

        server.start();

        Await.until(RECOVERY, () -> assertThat(connection.connected()).isTrue());
        Await.until(RECOVERY, () -> connection.send(Messages.batch(2)));
    }

    @Test
    void openReturnsWhileTheServerIsDownAndSubscriptionsStartOnceItIsUp() throws Exception {
        server = new PrivateNatsServer(null);
        connection = new NatsConnector().open(Map.of("ume_nats_conn", server.url()));
        BlockingQueue<UmeMessage> received = new LinkedBlockingQueue<>();
        connection.subscribe(received::add);
        assertThat(connection.connected()).isFalse();
        assertThatThrownBy(() -> connection.send(Messages.batch(1))).isInstanceOf(DeliveryException.class);

        server.start();

        Await.until(RECOVERY, () -> assertThat(connection.connected()).isTrue());
        connection.send(Messages.batch(1));
        UmeMessage sent = Messages.stage("from-elsewhere", 5);
        try (Connection other = Nats.connect(server.url())) {
            other.publish("events", UmeHeaders.of(sent, false), sent.payload());
            other.flush(Duration.ofSeconds(2));
        }
        UmeMessage got = received.poll(5, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.id()).isEqualTo(sent.id());
    }

    @Test
    void jetStreamModeOnAServerWithoutJetStreamSaysSo() throws Exception {
        server = new PrivateNatsServer(null);
        server.start();
        connection = new NatsConnector().open(Map.of("ume_nats_conn", server.url(), "ume_nats_stream", "UME"));
        Await.until(RECOVERY, () -> assertThat(connection.connected()).isTrue());

        assertThatThrownBy(() -> connection.send(Messages.batch(1))).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("UME").hasMessageContaining("JetStream enabled");
    }

    @Test
    void closeReturnsWhileTheServerIsDown() throws Exception {
        server = new PrivateNatsServer(null);
        UmeConnection never = new NatsConnector().open(Map.of("ume_nats_conn", server.url()));

        never.close();

        assertThat(never.connected()).isFalse();
        assertThatThrownBy(() -> never.send(List.of(Messages.stage("late", 1))))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("closed");
        // jnats' connecting thread, which would otherwise retry the port forever, ends too.
        Await.until(RECOVERY, () -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("NATS - async connection")));
    }
}
