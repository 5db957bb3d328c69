package io.cascadence.web.impl;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

/** A request's JSON body, read within a size limit. */
final class RequestBodies {

    /** The largest body read, in bytes. */
    static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestBodies() {
    }

    /**
     * The body as a JSON-like value (maps, lists, strings, numbers, booleans, null), or {@code null} when there is
     * no body.
     *
     * @throws InvalidRequestException when the body is not JSON, saying where it breaks
     * @throws BodyTooLargeException when the body is larger than {@link #MAX_BYTES}
     */
    static Object json(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw new BodyTooLargeException(declared);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new BodyTooLargeException(-1);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("the request body is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    /** The body is larger than the limit: HTTP 413. */
    static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long declared) {
            super("the request body is larger than " + MAX_BYTES + " bytes"
                    + (declared > 0 ? " (" + declared + " bytes)" : ""));
        }
    }
}
