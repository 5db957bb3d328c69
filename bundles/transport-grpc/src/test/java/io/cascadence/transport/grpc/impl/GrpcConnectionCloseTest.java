package io.cascadence.transport.grpc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.StageUpdate;
import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;

/**
 * A stopped bundle's threads that go on running fail with NoClassDefFoundError (dependencies.md, gotcha 7), so
 * closing a connection, or stopping the connector, must end every thread the connection started.
 */
class GrpcConnectionCloseTest {

    @Test
    void closeEndsEveryThreadTheConnectionStarted() throws Exception {
        GrpcConnector connector = new GrpcConnector();
        try (UmeServer server = UmeServer.start()) {
            UmeConnection connection = connector.open(Map.of("ume_grpc_stub", server.target()));
            connection.subscribe(message -> { });
            connection.send(List.of(GrpcConnectionTest.message(StageUpdate.getDefaultInstance(), "id-1", 1)));
            assertThat(Await.until(() -> server.subscribers.size() == 1)).isTrue();
            assertThat(threads()).isNotEmpty();

            connection.close();
            connection.close();

            assertThat(Await.until(() -> threads().isEmpty())).as("threads left: %s", threads()).isTrue();
            assertThat(connection.connected()).isFalse();
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(DeliveryException.class,
                    () -> connection.send(List.of(GrpcConnectionTest.message(StageUpdate.getDefaultInstance(),
                            "id-2", 2))))).hasMessageContaining("closed");
        }
        assertThat(nonDaemonGrpcThreads()).isEmpty();
    }

    @Test
    void stoppingTheConnectorClosesTheConnectionsItOpened() throws Exception {
        GrpcConnector connector = new GrpcConnector();
        UmeConnection connection = connector.open(Map.of("ume_grpc_stub", "127.0.0.1:" + UmeServer.freePort()));
        connection.connected();
        assertThat(threads()).isNotEmpty();

        connector.closeAll();

        assertThat(Await.until(() -> threads().isEmpty())).as("threads left: %s", threads()).isTrue();
    }

    private static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("cascadence-grpc-")).toList();
    }

    private static List<String> nonDaemonGrpcThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getName).filter(name -> name.toLowerCase().matches(".*(grpc|netty).*")).toList();
    }
}
