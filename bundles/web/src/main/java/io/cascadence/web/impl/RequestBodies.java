package io.cascadence.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cascadence.api.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

/** A request's JSON body, read within {@code max_body_size} ({@link BodyLimit}). */
final class RequestBodies {

    /** The largest array the JVM reliably allocates; a limit above it is read up to it. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    // Trailing tokens are refused: "{} garbage" is as broken as "{" and must not run a task with {} as its input.
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readerFor(Object.class);

    private RequestBodies() {
    }

    /**
     * The body as a JSON-like value (maps, lists, strings, numbers, booleans, null), or {@code null} when there is
     * no body. A declared length over the limit is refused before anything is read; a body without one (chunked)
     * is read up to one byte past the limit.
     *
     * @param limit the largest body accepted, in bytes
     * @throws InvalidRequestException when the body is not JSON, saying where it breaks
     * @throws BodyTooLargeException when the body is larger than {@code limit}
     */
    static Object json(HttpServletRequest request, long limit) throws IOException {
        byte[] bytes = bytes(request, limit);
        return new String(bytes, StandardCharsets.UTF_8).isBlank() ? null : parse(bytes);
    }

    /**
     * The body's bytes as they arrived, for a route that must see them before it parses them (a webhook's
     * signature is made over the raw bytes). A declared length over the limit is refused before anything is read;
     * a body without one (chunked) is read up to one byte past the limit.
     *
     * @param limit the largest body accepted, in bytes
     * @throws BodyTooLargeException when the body is larger than {@code limit}
     */
    static byte[] bytes(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new BodyTooLargeException(limit, declared);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(limit + 1, MAX_ARRAY));
        }
        if (bytes.length > limit) {
            throw new BodyTooLargeException(limit, -1);
        }
        return bytes;
    }

    /**
     * {@code bytes} as a JSON-like value.
     *
     * @throws InvalidRequestException when they are not one JSON document, saying where it breaks
     */
    static Object parse(byte[] bytes) {
        try {
            return READER.readValue(bytes);
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")"
                    : "";
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new InvalidRequestException("the request body is not JSON: " + message + where);
        }
    }

    /**
     * Reads and drops what is left of the body, up to {@code limit} bytes. What a route leaves unread, Jetty reads
     * only as far as it has arrived and otherwise closes the connection, and a client that sends its whole body
     * before it reads (java.net.http does) may then lose the answer; a client that sends its next request down
     * the connection gets none.
     *
     * @return whether the body was read to its end
     */
    static boolean drain(HttpServletRequest request, long limit) {
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            // One byte past the limit, so that a body of exactly the limit is read to its end.
            for (long left = limit + 1; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return true;
                }
                left -= read;
            }
            return false;
        } catch (IOException | IllegalStateException e) {
            // A broken body, or one read as text: Jetty closes the connection if anything is left.
            return false;
        }
    }
}
