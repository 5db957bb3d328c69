package io.cascadence.launcher.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.launcher.LaunchException;

/** Calls the container's REST API; every command of {@code bin/task} is one or more of these calls. */
final class RestClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RestClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param token sent as {@code Authorization: Bearer} with every request, or {@code null} for none */
    RestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Where the container is reached, such as {@code http://127.0.0.1:8000}. */
    String baseUrl() {
        return baseUrl;
    }

    /**
     * An answer below 400.
     *
     * @param status its status, e.g. 200, or 202 for a run that goes on
     * @param body its JSON body, or {@code null} when it has none
     */
    record Response(int status, JsonNode body) {
    }

    /** @throws CommandFailedException with the container's {@code detail} for an answer of 400 or more */
    JsonNode get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers).body();
    }

    /**
     * @param json the request body, sent as {@code application/json}, or {@code null} for none
     * @throws CommandFailedException with the container's {@code detail} for an answer of 400 or more
     */
    Response post(String path, Map<String, String> headers, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
        }
        return send(builder, headers);
    }

    /** @throws CommandFailedException with the container's {@code detail} for an answer of 400 or more */
    Response delete(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.header("Accept", "application/json").timeout(Duration.ofMinutes(10)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LaunchException("Cannot reach Cascadence at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for Cascadence", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 400) {
            JsonNode detail = body == null ? null : body.get("detail");
            JsonNode runId = body == null ? null : body.get("run_id");
            throw new CommandFailedException(detail != null && !detail.isNull() ? detail.asText()
                    : "HTTP " + response.statusCode() + " from " + request.method() + " " + request.uri(),
                    runId == null || runId.isNull() ? null : runId.asText());
        }
        return new Response(response.statusCode(), body);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The container refused or failed the request; its detail is the message for the user. */
    static final class CommandFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String runId;

        CommandFailedException(String message) {
            this(message, null);
        }

        CommandFailedException(String message, String runId) {
            super(message);
            this.runId = runId;
        }

        /** The run the refusal is about (a run that failed), or {@code null}. */
        String runId() {
            return runId;
        }
    }
}
