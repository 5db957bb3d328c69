package io.cascadence.transport.nats.impl;

import io.cascadence.ume.spi.UmeMessage;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

/**
 * How a {@link UmeMessage} travels on NATS: the body is the bare protobuf payload, so a consumer of the original
 * decodes it with the message class as before, and the envelope travels as headers. In JetStream mode the id is
 * also {@code Nats-Msg-Id}, so the stream's duplicate window drops a message that is sent again.
 */
final class UmeHeaders {

    static final String TYPE = "Ume-Type";
    static final String ID = "Ume-Id";
    static final String ORIGIN = "Ume-Origin";
    static final String RELAY = "Ume-Relay";
    static final String TIME = "Ume-Time";
    static final String SEQ = "Ume-Seq";
    static final String MSG_ID = "Nats-Msg-Id";

    private UmeHeaders() {
    }

    /** The headers for {@code message}; with {@code jetStream} also {@code Nats-Msg-Id} when the id is known. */
    static Headers of(UmeMessage message, boolean jetStream) {
        Headers headers = new Headers();
        headers.put(TYPE, message.type());
        headers.put(ID, message.id());
        headers.put(ORIGIN, message.origin());
        put(headers, RELAY, message.relayedBy());
        headers.put(TIME, Long.toString(message.timeMillis()));
        headers.put(SEQ, Long.toString(message.seq()));
        if (jetStream) {
            put(headers, MSG_ID, message.id());
        }
        return headers;
    }

    /**
     * The UmeMessage a NATS message carries. A missing header (or none at all, as a plain publisher sends) reads as
     * an empty string or 0; a number that is not one reads as 0.
     */
    static UmeMessage read(Message message) {
        Headers headers = message.getHeaders();
        byte[] body = message.getData() == null ? new byte[0] : message.getData();
        return new UmeMessage(text(headers, TYPE), body, text(headers, ID), text(headers, ORIGIN),
                text(headers, RELAY), number(headers, TIME), number(headers, SEQ));
    }

    private static void put(Headers headers, String key, String value) {
        if (!value.isEmpty()) {
            headers.put(key, value);
        }
    }

    private static String text(Headers headers, String key) {
        String value = headers == null ? null : headers.getFirst(key);
        return value == null ? "" : value;
    }

    private static long number(Headers headers, String key) {
        try {
            return Long.parseLong(text(headers, key).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
