package io.cascadence.ume.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.health.TransportState;
import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeConnector;
import io.cascadence.ume.spi.UmeMessage;

/**
 * The UME component as the README describes it to an operator: events wait for a transport whose bundle is not
 * there yet, a configuration change hands what waits to the new transport, each transport's figures start from 0,
 * and a setting the transport refuses shows as misconfigured while nothing else stops.
 */
class UmeComponentTest {

    /** A transport whose server takes everything while {@code up}, and refuses every batch otherwise. */
    static final class FakeConnector implements UmeConnector {
        final List<Long> received = new CopyOnWriteArrayList<>();
        volatile boolean up = true;

        @Override
        public UmeConnection open(Map<String, String> settings) {
            if (settings.get("ume_nats_conn").equals("mymodule:conn")) {
                throw new IllegalArgumentException("ume_nats_conn 'mymodule:conn' is not a NATS server URL");
            }
            return new UmeConnection() {
                @Override
                public String target() {
                    return "fake";
                }

                @Override
                public boolean connected() {
                    return up;
                }

                @Override
                public void send(List<UmeMessage> batch) throws DeliveryException {
                    if (!up) {
                        throw new DeliveryException("down", 0, null);
                    }
                    batch.forEach(message -> received.add(message.seq()));
                }

                @Override
                public AutoCloseable subscribe(Consumer<UmeMessage> receiver) {
                    return () -> { };
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final UmeComponent component = new UmeComponent();

    @AfterEach
    void stop() {
        component.deactivate();
    }

    static TransportConfiguration config(String transport, String natsConn) {
        return new TransportConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TransportConfiguration.class;
            }

            @Override
            public String ume__transport() {
                return transport;
            }

            @Override
            public String ume__nats__conn() {
                return natsConn;
            }

            @Override
            public String ume__nats__subject() {
                return "events";
            }

            @Override
            public String ume__nats__stream() {
                return "";
            }

            @Override
            public String ume__grpc__stub() {
                return "127.0.0.1:1";
            }

            @Override
            public String ume__grpc__method() {
                return "Send";
            }

            @Override
            public int ume__buffer() {
                return 100;
            }

            @Override
            public boolean ume__pointer__sync() {
                return false;
            }

            @Override
            public boolean ume__broadcast__pointers() {
                return false;
            }
        };
    }

    private static BundleContext context() {
        return context(Bundle.ACTIVE);
    }

    /** A bundle context whose system bundle is in {@code frameworkState}. */
    private static BundleContext context(int frameworkState) {
        Bundle system = (Bundle) Proxy.newProxyInstance(UmeComponentTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> method.getName().equals("getState")
                        ? frameworkState : null);
        return (BundleContext) Proxy.newProxyInstance(UmeComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> method.getName().equals("getBundle")
                        && args != null && args.length == 1 && Long.valueOf(0).equals(args[0]) ? system : null);
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            component.onEvent(new StageUpdate("demo", "run", "r1", "u", null, Instant.EPOCH));
        }
    }

    private TransportState state() {
        return component.transports().get(0);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void eventsWaitForTheTransportsBundleAndArriveInOrderOnceItComes() throws Exception {
        component.activate(context(), config("nats", ""));
        publish(3);
        assertThat(state().state()).isEqualTo("unavailable");
        assertThat(state().backlog()).isEqualTo(3);

        FakeConnector nats = new FakeConnector();
        component.addConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        await("three delivered", () -> nats.received.size() == 3);
        assertThat(nats.received).containsExactly(1L, 2L, 3L);
        assertThat(state().state()).isEqualTo("connected");
        assertThat(state().delivered()).isEqualTo(3);
    }

    @Test
    void aSwitchOfTransportHandsWhatWaitsToTheNewOneWhoseFiguresStartFromZero() throws Exception {
        FakeConnector nats = new FakeConnector();
        FakeConnector grpc = new FakeConnector();
        component.addConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        component.addConnector(grpc, Map.of(UmeConnector.TRANSPORT, "grpc"));
        component.activate(context(), config("nats", ""));
        publish(2);
        await("two on nats", () -> nats.received.size() == 2);
        nats.up = false;
        publish(3);
        await("three waiting", () -> state().backlog() == 3);

        component.modified(config("grpc", ""));

        await("the waiting three on grpc", () -> grpc.received.size() == 3);
        assertThat(grpc.received).containsExactly(3L, 4L, 5L);
        assertThat(state().transport()).isEqualTo("grpc");
        assertThat(state().delivered()).isEqualTo(3);
        assertThat(state().dropped()).isZero();
        assertThat(nats.received).containsExactly(1L, 2L);
    }

    @Test
    void aSettingTheTransportRefusesIsMisconfiguredAndAFixConnects() throws Exception {
        FakeConnector nats = new FakeConnector();
        component.addConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        component.activate(context(), config("nats", "mymodule:conn"));
        publish(1);

        assertThat(state().state()).isEqualTo("misconfigured");
        assertThat(state().lastError()).contains("ume_nats_conn 'mymodule:conn'");
        assertThat(component.warnings()).anyMatch(w -> w.contains("misconfigured") && w.contains("mymodule:conn"));

        component.modified(config("nats", "nats://127.0.0.1:4222"));
        await("the waiting event delivered", () -> nats.received.size() == 1);
        assertThat(state().state()).isEqualTo("connected");
        assertThat(component.warnings()).isEmpty();
    }

    @Test
    void withoutATransportNothingIsKeptOrReported() {
        component.activate(context(), config("", ""));
        publish(5);
        assertThat(component.transports()).isEmpty();
        assertThat(component.warnings()).isEmpty();
    }

    @Test
    void whenTheContainerStopsTheTransportMayGoFirstAndWhatTheBusStillHandsOverIsDeliveredAtTheEnd()
            throws Exception {
        FakeConnector nats = new FakeConnector();
        component.addConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        component.activate(context(Bundle.STOPPING), config("nats", ""));
        publish(2);
        await("two delivered", () -> nats.received.size() == 2);

        // SCR stops the transport's component first, then the bus drains a run's last events into this one.
        component.removeConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        publish(3);
        component.deactivate();

        assertThat(nats.received).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aTransportBundleStoppedAloneTakesItsConnectionAndWhatArrivesThenWaitsForItsReturn() throws Exception {
        FakeConnector nats = new FakeConnector();
        component.addConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        component.activate(context(), config("nats", ""));
        component.removeConnector(nats, Map.of(UmeConnector.TRANSPORT, "nats"));
        publish(2);

        assertThat(state().state()).isEqualTo("unavailable");
        assertThat(state().backlog()).isEqualTo(2);
        assertThat(nats.received).isEmpty();
    }
}
