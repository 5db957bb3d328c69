package io.cascadence.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** java.net.http with any method, body and headers, answering in {@link RawHttp}'s terms so both compare alike. */
final class ClientHttp {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ClientHttp(String baseUrl) {
        this.base = baseUrl;
    }

    RawHttp.Answer send(String method, String target, BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + target)).method(method, body)
                .timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> received = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> received.put(name.toLowerCase(Locale.ROOT),
                String.join(", ", values)));
        return new RawHttp.Answer(response.statusCode(), received, response.body());
    }
}
