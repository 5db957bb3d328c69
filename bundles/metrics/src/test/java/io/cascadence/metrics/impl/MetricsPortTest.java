package io.cascadence.metrics.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cascadence.api.event.TaskRunEvent;

/** The second port, served for real on a loopback port. */
class MetricsPortTest {

    private static final String HOST = "127.0.0.1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final MetricsComponent metrics = new MetricsComponent();

    @AfterEach
    void stop() {
        metrics.deactivate();
    }

    @Test
    void servesTheMetricsAndRefusesTheRestAsJson() throws Exception {
        int port = freePort();
        metrics.start(HOST, configuration(port));
        metrics.onEvent(new TaskRunEvent("report", "r1", null, "success", null, null, null, Instant.EPOCH,
                Instant.EPOCH.plusMillis(20), null, null));

        HttpResponse<String> scrape = send(port, "GET", "/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).contains("task_success_total{task_name=\"report\",} 1.0")
                .contains("jvm_memory_bytes_used{area=\"heap\",}");

        HttpResponse<String> head = send(port, "HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        HttpResponse<String> post = send(port, "POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(post.body()).isEqualTo("{\"status\":405,\"detail\":\"Method POST is not allowed on /metrics; "
                + "it accepts GET, HEAD, OPTIONS\"}");

        HttpResponse<String> options = send(port, "OPTIONS", "/metrics");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> other = send(port, "GET", "/tasks");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(other.body()).isEqualTo("{\"status\":404,\"detail\":\"Not found: /tasks\"}");
    }

    @Test
    void aPortInUseIsAWarningUntilAnotherPortIsSet() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            metrics.start(HOST, configuration(taken.getLocalPort()));

            assertThat(metrics.warnings()).singleElement().asString()
                    .startsWith("metrics_port " + taken.getLocalPort() + ": cannot serve /metrics on " + HOST + ":"
                            + taken.getLocalPort())
                    .contains("/metrics is still on the HTTP port");

            int free = freePort();
            metrics.configure(configuration(free));
            assertThat(metrics.warnings()).isEmpty();
            assertThat(send(free, "GET", "/metrics").statusCode()).isEqualTo(200);

            metrics.configure(configuration(0));
            assertThat(metrics.warnings()).isEmpty();
            assertThat(refused(free)).isTrue();
        }
    }

    private boolean refused(int port) throws InterruptedException {
        try {
            send(port, "GET", "/metrics");
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private HttpResponse<String> send(int port, String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static MetricsConfiguration configuration(int port) {
        return new MetricsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MetricsConfiguration.class;
            }

            @Override
            public int metrics__port() {
                return port;
            }
        };
    }
}
