package io.cascadence.web.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cascadence.api.event.CascadenceEvent;

/**
 * One event of the bus ready for every client of {@code GET /events}: made once, however many clients take it.
 *
 * @param type its {@code event:} type ({@link EventJson#TYPES})
 * @param runId the run it belongs to, or {@code null}
 * @param userHash the hash of the user it is for, or {@code null}
 * @param frame its whole message: {@code event:}, {@code id:} and one {@code data:} line of JSON, then a blank line
 */
record EventMessage(String type, String runId, String userHash, byte[] frame) {

    /** The message of an event, numbered {@code id}; {@code null} for a kind of event this version does not know. */
    static EventMessage of(CascadenceEvent event, long id) {
        String type = EventJson.type(event);
        Map<String, Object> body = EventJson.describe(event);
        if (type == null || body == null) {
            return null;
        }
        return new EventMessage(type, event.runId(), event.userHash(), frame(type, id, body));
    }

    /**
     * A message of the stream itself ({@code hello}, {@code lagged}), without an id. Jackson writes JSON on one line
     * (a line break inside a string is escaped), which is what a {@code data:} line must be.
     */
    static byte[] frame(String type, Long id, Map<String, Object> body) {
        String json;
        try {
            json = new String(Json.bytes(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("event: " + type + "\n" + (id == null ? "" : "id: " + id + "\n") + "data: " + json + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
