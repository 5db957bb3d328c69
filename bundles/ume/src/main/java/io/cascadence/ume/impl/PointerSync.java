package io.cascadence.ume.impl;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.PointerStore;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.EventBus;
import io.cascadence.ume.proto.PointerUpdate;
import io.cascadence.ume.spi.UmeMessage;

/**
 * Pointer sync (python-original.md §10): applies the pointer updates other installations send to the
 * PointerStore, and with broadcast on re-emits each once. It never loops: updates whose origin or relay is this
 * installation are ignored, and so is an update whose id was seen before (the last {@value #SEEN} ids are kept).
 * Every applied or refused update is recorded as an audit event of stage {@code pointer_sync}, as the original
 * does.
 */
final class PointerSync implements Consumer<UmeMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(PointerSync.class);
    static final int SEEN = 100_000;
    static final String STAGE = "pointer_sync";

    private final String origin;
    private final Supplier<PointerStore> store;
    private final Supplier<EventBus> bus;
    private final Consumer<UmeMessage> relay;
    private final boolean broadcast;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN;
        }
    };

    /**
     * @param origin this installation's framework UUID
     * @param relay where re-emitted updates go (the outbox), already marked as relayed by this installation
     */
    PointerSync(String origin, Supplier<PointerStore> store, Supplier<EventBus> bus, Consumer<UmeMessage> relay,
            boolean broadcast) {
        this.origin = origin;
        this.store = store;
        this.bus = bus;
        this.relay = relay;
        this.broadcast = broadcast;
    }

    @Override
    public void accept(UmeMessage message) {
        if (origin.equals(message.origin()) || origin.equals(message.relayedBy())) {
            return;
        }
        Optional<PointerUpdate> parsed;
        try {
            parsed = EventCodec.pointerUpdate(message.type(), message.payload());
        } catch (IllegalArgumentException e) {
            LOG.warn("Pointer sync ignored a message from {}: {}", describe(message), e.getMessage());
            return;
        }
        if (parsed.isEmpty() || !firstSight(message)) {
            return;
        }
        PointerUpdate update = parsed.get();
        String group = update.getGroupHash().isEmpty() ? null : update.getGroupHash();
        try {
            PointerStore pointers = store.get();
            if (pointers == null) {
                throw new IllegalStateException("the PointerStore is not available");
            }
            boolean added = pointers.apply(update.getTaskName(), update.getRunId(), update.getUserHash(), group);
            if (broadcast) {
                relay.accept(message.relayedBy(origin));
            }
            audit(update, group, "success", null);
            LOG.debug("Pointer sync {} {} / {} from {}", added ? "stored" : "already had", update.getTaskName(),
                    update.getRunId(), describe(message));
        } catch (RuntimeException e) {
            LOG.warn("Pointer sync could not store {} / {} from {}: {}", update.getTaskName(), update.getRunId(),
                    describe(message), e.getMessage());
            audit(update, group, "error", e.getMessage());
        }
    }

    private synchronized boolean firstSight(UmeMessage message) {
        String key = message.id().isEmpty() ? "sha256:" + digest(message.payload()) : message.id();
        return seen.put(key, Boolean.TRUE) == null;
    }

    private void audit(PointerUpdate update, String group, String status, String reason) {
        EventBus events = bus.get();
        if (events != null) {
            events.publish(new AuditEvent(update.getTaskName(), STAGE, status, reason, null, update.getRunId(),
                    update.getUserHash(), group, Instant.now()));
        }
    }

    private static String describe(UmeMessage message) {
        return message.origin().isEmpty() ? "an unnamed sender" : message.origin();
    }

    private static String digest(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
