package io.cascadence.transport.grpc.impl;

import com.google.protobuf.ByteString;

import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.spi.UmeMessage;

/** The one mapping between the SPI's {@link UmeMessage} and the wire's {@code cascadence.ume.Envelope}. */
final class EnvelopeCodec {

    private EnvelopeCodec() {
    }

    static Envelope envelope(UmeMessage message) {
        return Envelope.newBuilder()
                .setType(message.type())
                .setPayload(ByteString.copyFrom(message.payload()))
                .setId(message.id())
                .setOrigin(message.origin())
                .setRelayedBy(message.relayedBy())
                .setTimeMillis(message.timeMillis())
                .setSeq(message.seq())
                .build();
    }

    static UmeMessage message(Envelope envelope) {
        return new UmeMessage(envelope.getType(), envelope.getPayload().toByteArray(), envelope.getId(),
                envelope.getOrigin(), envelope.getRelayedBy(), envelope.getTimeMillis(), envelope.getSeq());
    }
}
