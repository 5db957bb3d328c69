package io.cascadence.ume.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.Pointer;
import io.cascadence.api.PointerStore;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventBus;
import io.cascadence.ume.proto.PointerUpdate;
import io.cascadence.ume.spi.UmeMessage;

class PointerSyncTest {

    static final class Store implements PointerStore {
        final Set<String> applied = ConcurrentHashMap.newKeySet();

        @Override
        public void add(String taskName, String runId, Identity caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Pointer> pointers(String taskName, Identity caller) {
            return List.of();
        }

        @Override
        public void receive(String taskName, String runId, String userHash, String groupId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean apply(String taskName, String runId, String userHash, String groupHash) {
            if (taskName.equals("full")) {
                throw new IllegalStateException("store full");
            }
            return applied.add(taskName + "/" + runId + "/" + userHash + "/" + groupHash);
        }

        @Override
        public int count(String taskName) {
            return applied.size();
        }
    }

    private final Store store = new Store();
    private final List<CascadenceEvent> audits = new ArrayList<>();
    private final List<UmeMessage> relayed = new ArrayList<>();
    private final EventBus bus = audits::add;

    private PointerSync sync(boolean broadcast) {
        return new PointerSync("me", () -> store, () -> bus, relayed::add, broadcast);
    }

    static UmeMessage update(String task, String id, String origin, String relayedBy) {
        byte[] payload = PointerUpdate.newBuilder().setTaskName(task).setRunId("r1").setUserHash("u1")
                .setGroupHash("g1").build().toByteArray();
        return new UmeMessage(EventCodec.POINTER_UPDATE, payload, id, origin, relayedBy, 0, 1);
    }

    @Test
    void anUpdateFromAnotherInstallationIsStoredAndAuditedAsTheOriginalDoes() {
        sync(false).accept(update("demo", "id-1", "peer", ""));
        assertThat(store.applied).containsExactly("demo/r1/u1/g1");
        assertThat(audits).singleElement().isInstanceOfSatisfying(AuditEvent.class, audit -> {
            assertThat(audit.stage()).isEqualTo("pointer_sync");
            assertThat(audit.status()).isEqualTo("success");
            assertThat(audit.taskName()).isEqualTo("demo");
        });
        assertThat(relayed).isEmpty();
    }

    @Test
    void withBroadcastEachUpdateIsReEmittedOnceMarkedAsRelayedHere() {
        PointerSync sync = sync(true);
        sync.accept(update("demo", "id-1", "peer", ""));
        sync.accept(update("demo", "id-1", "peer", "third"));
        sync.accept(update("demo", "id-1", "peer", ""));
        assertThat(relayed).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo("id-1");
            assertThat(message.origin()).isEqualTo("peer");
            assertThat(message.relayedBy()).isEqualTo("me");
        });
    }

    @Test
    void ownUpdatesAndOwnRelaysComingBackAreIgnored() {
        PointerSync sync = sync(true);
        sync.accept(update("demo", "id-1", "me", ""));
        sync.accept(update("demo", "id-2", "peer", "me"));
        assertThat(store.applied).isEmpty();
        assertThat(relayed).isEmpty();
        assertThat(audits).isEmpty();
    }

    @Test
    void otherMessageTypesAreNotPointerUpdates() {
        UmeMessage stage = new UmeMessage("task_cascadence.ume.protos.StageUpdate", new byte[] {10, 1, 'x'},
                "id-9", "peer", "", 0, 1);
        sync(true).accept(stage);
        assertThat(store.applied).isEmpty();
    }

    @Test
    void anUntypedPayloadIsReadAsAPointerUpdateWhenItHasTheFieldsOfOne() {
        UmeMessage plain = update("demo", "", "", "");
        UmeMessage untyped = new UmeMessage("", plain.payload(), "", "", "", 0, 0);
        sync(false).accept(untyped);
        sync(false).accept(new UmeMessage("", "not protobuf at all".getBytes(), "", "", "", 0, 0));
        assertThat(store.applied).containsExactly("demo/r1/u1/g1");
    }

    @Test
    void aRefusedUpdateIsAuditedAsAnErrorAndTheNextStillArrives() {
        PointerSync sync = sync(true);
        sync.accept(update("full", "id-1", "peer", ""));
        sync.accept(update("demo", "id-2", "peer", ""));
        assertThat(audits).extracting(event -> ((AuditEvent) event).status()).containsExactly("error", "success");
        assertThat(((AuditEvent) audits.get(0)).reason()).isEqualTo("store full");
        assertThat(relayed).extracting(UmeMessage::id).containsExactly("id-2");
    }
}
