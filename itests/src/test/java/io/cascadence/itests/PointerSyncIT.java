package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.PointerUpdate;

/**
 * Two installations on their own ports sync pointers through the machine's NATS server, as the seed's "Pointer
 * Sync Service" does: a pointer added on one is stored on the other; with broadcast on in both, each update is
 * re-emitted once and never circles; a plain publisher without Cascadence's headers (the original) is heard too.
 */
class PointerSyncIT {

    private static final String NATS = "nats://127.0.0.1:4222";
    private static final Path PIPELINE = Path.of(System.getProperty("pipeline.jar"));
    private static final String SUBJECT = "itest.pointers." + UUID.randomUUID();
    private static final Map<String, String> ALICE = Map.of("X-User-ID", "alice");

    private static Installation first;
    private static Installation second;
    private static ContainerProcess one;
    private static ContainerProcess two;

    @BeforeAll
    static void start() {
        first = Installation.copy("pointer-sync-1");
        second = Installation.copy("pointer-sync-2");
        for (Installation installation : List.of(first, second)) {
            Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
            configure(installation, false);
        }
        one = first.start();
        two = second.start();
        for (ContainerProcess container : List.of(one, two)) {
            Await.until("the transport connected, pointer sync on", () -> {
                var nats = container.http.get("/health").json().path("transports").path("nats");
                return nats.path("state").asText().equals("connected")
                        && nats.path("pointer_sync").asText().equals("on");
            });
            Await.until("family_pointer", () -> container.http.get("/tasks").body().contains("family_pointer"));
        }
    }

    @AfterAll
    static void stop() {
        for (ContainerProcess container : new ContainerProcess[] {one, two}) {
            if (container != null) {
                container.close();
            }
        }
    }

    private static void configure(Installation installation, boolean broadcast) {
        Installation.writeAtomically(installation.config().resolve("io.cascadence.transport.cfg"),
                "ume_transport = nats\nume_nats_conn = " + NATS + "\nume_nats_subject = " + SUBJECT
                        + "\nume_pointer_sync = true\nume_broadcast_pointers = " + broadcast + "\n");
    }

    private static List<String> runIds(ContainerProcess container) {
        return container.http.get("/pointers/family_pointer", ALICE).json().findValuesAsText("run_id");
    }

    @Test
    void aPointerAddedOnOneInstallationIsStoredOnTheOtherOnce() {
        assertThat(one.http.post("/pointers/family_pointer?run_id=run-sync-1", ALICE).status()).isEqualTo(200);
        Await.until("run-sync-1 on the second installation", () -> runIds(two).contains("run-sync-1"));
        assertThat(runIds(two)).containsOnlyOnce("run-sync-1");
        assertThat(runIds(one)).containsOnlyOnce("run-sync-1");
    }

    @Test
    void withBroadcastOnInBothEachUpdateIsReEmittedOnceAndNeverCircles() throws InterruptedException {
        configure(first, true);
        configure(second, true);
        Await.until("broadcast on in both", () -> List.of(one, two).stream().allMatch(c -> c.http.get("/health")
                .json().path("transports").path("nats").path("pointer_sync").asText().equals("broadcast")));
        try (NatsTap tap = NatsTap.on(NATS, SUBJECT)) {
            assertThat(one.http.post("/pointers/family_pointer?run_id=run-sync-2", ALICE).status())
                    .isEqualTo(200);
            Await.until("run-sync-2 on the second installation", () -> runIds(two).contains("run-sync-2"));
            Await.until("the second installation's relay", () -> updates(tap, "run-sync-2").size() == 2);
            // Give a loop, were there one, time to show: the relay reaches the first installation and the second
            // again, and neither may send it on.
            Thread.sleep(Duration.ofSeconds(3).toMillis());
            List<NatsTap.Received> updates = updates(tap, "run-sync-2");
            assertThat(updates).hasSize(2);
            assertThat(updates.get(0).relay()).isEmpty();
            assertThat(updates.get(1).relay()).isNotEmpty().isNotEqualTo(updates.get(0).origin());
            assertThat(updates.get(1).id()).isEqualTo(updates.get(0).id());
            assertThat(runIds(one)).containsOnlyOnce("run-sync-2");
            assertThat(runIds(two)).containsOnlyOnce("run-sync-2");
        } finally {
            configure(first, false);
            configure(second, false);
            Await.until("broadcast off in both", () -> List.of(one, two).stream().allMatch(c -> c.http
                    .get("/health").json().path("transports").path("nats").path("pointer_sync").asText()
                    .equals("on")));
        }
    }

    @Test
    void aPlainPointerUpdateWithoutHeadersAsTheOriginalPublishesIsStoredByBoth() throws Exception {
        // Alice's hash as the installations compute it (adding this pointer again changes nothing).
        assertThat(one.http.post("/pointers/family_pointer?run_id=run-seed", ALICE).status()).isEqualTo(200);
        String aliceHash = one.http.get("/pointers/family_pointer", ALICE).json().path(0).path("user_hash").asText();
        assertThat(aliceHash).hasSize(64);
        byte[] plain = PointerUpdate.newBuilder().setTaskName("family_pointer").setRunId("run-from-python")
                .setUserHash(aliceHash).build().toByteArray();
        try (NatsTap publisher = NatsTap.on(NATS, SUBJECT + ".unused")) {
            publisher.connection().publish(SUBJECT, plain);
            publisher.connection().flush(Duration.ofSeconds(5));
        }
        Await.until("run-from-python on both", () -> runIds(one).contains("run-from-python")
                && runIds(two).contains("run-from-python"));
    }

    private static List<NatsTap.Received> updates(NatsTap tap, String runId) {
        return tap.matching(m -> m.shortType().equals("PointerUpdate")).stream().filter(m -> {
            try {
                return PointerUpdate.parseFrom(m.body()).getRunId().equals(runId);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
