package io.cascadence.ume.spi;

import java.util.Objects;

/**
 * One UME message as it travels: the protobuf-encoded payload and the envelope fields that say what it is and
 * where it comes from. Over gRPC it is the {@code cascadence.ume.Envelope} message; over NATS the payload is the
 * message body and the other fields are headers ({@code Ume-Type}, {@code Ume-Id}, ...).
 *
 * @param type the payload's full protobuf message name, e.g. {@code task_cascadence.ume.protos.StageUpdate};
 *        empty when a received message did not say (a plain publisher such as the original)
 * @param payload the protobuf-encoded message; never {@code null}
 * @param id unique per event (a UUID); a relayed pointer update keeps the id it was first sent with
 * @param origin the framework UUID of the installation that first sent it; empty when not known
 * @param relayedBy the framework UUID of the installation that re-broadcast it, or empty
 * @param timeMillis when it was sent, milliseconds since the epoch (UTC)
 * @param seq 1, 2, 3, ... per origin and container start, in the order the events happened; 0 when not known
 */
public record UmeMessage(String type, byte[] payload, String id, String origin, String relayedBy, long timeMillis,
        long seq) {

    public UmeMessage {
        type = Objects.requireNonNullElse(type, "");
        Objects.requireNonNull(payload, "payload");
        id = Objects.requireNonNullElse(id, "");
        origin = Objects.requireNonNullElse(origin, "");
        relayedBy = Objects.requireNonNullElse(relayedBy, "");
    }

    /** The same message, re-broadcast by {@code relay}. */
    public UmeMessage relayedBy(String relay) {
        return new UmeMessage(type, payload, id, origin, relay, timeMillis, seq);
    }
}
