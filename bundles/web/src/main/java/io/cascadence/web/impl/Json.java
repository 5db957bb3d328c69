package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.servlet.http.HttpServletResponse;

/** JSON in and out of servlets, and the error shape every endpoint shares: {@code {"status": .., "detail": ..}}. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** The content type of every answer, errors included. */
    static final String CONTENT_TYPE = "application/json";

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = bytes(body);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        // An error's length is left to Jetty, which then holds it until the request ends: an answer of known length
        // goes out the moment it is written, before Jetty sees that a body was left unread and adds Connection:
        // close (it closes the connection all the same, and a client that reuses it gets nothing). Errors are small,
        // so Jetty still sends a Content-Length.
        if (status < HttpServletResponse.SC_BAD_REQUEST) {
            response.setContentLength(bytes.length);
        }
        response.getOutputStream().write(bytes);
    }

    /** {@code body} as UTF-8 JSON, for writers that are not servlets (Jetty's error handler). */
    static byte[] bytes(Object body) throws IOException {
        return MAPPER.writeValueAsBytes(body);
    }

    /** Serialises {@code sample} once, so that the classes doing it are loaded before the first request. */
    static void warmUp(Object sample) {
        try {
            MAPPER.writeValueAsBytes(sample);
        } catch (IOException e) {
            throw new IllegalStateException("JSON serialisation does not work", e);
        }
    }

    static void error(HttpServletResponse response, int status, String detail) throws IOException {
        write(response, status, error(status, detail));
    }

    static Map<String, Object> error(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    /**
     * A task result as JSON can carry it: Jackson's view of it when it has one, otherwise its text, so that an odd
     * return value never turns a successful run into a failed request.
     */
    static Object resultValue(Object result) {
        if (result == null) {
            return null;
        }
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(result));
        } catch (IOException | RuntimeException e) {
            return String.valueOf(result);
        }
    }
}
