package io.cascadence.metrics.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The second port ({@code metrics_port}): {@code /metrics} alone, served by the JDK's HTTP server on one thread of
 * its own, so that a scraper still gets its answer while the main port is busy or being restarted. Any other path
 * is 404, any method but GET, HEAD and OPTIONS 405, both in the JSON every refusal of Cascadence has.
 */
final class MetricsPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsPort.class);

    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsPort(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Starts serving.
     *
     * @throws IOException when the port cannot be bound (in use, or not allowed)
     */
    static MetricsPort open(String host, int port, Exposition exposition) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cascadence-metrics-port-" + port);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", exchange -> answer(exchange, exposition));
        server.start();
        return new MetricsPort(server, thread);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }

    private static void answer(HttpExchange exchange, Exposition exposition) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (!HttpAnswers.PATH.equals(path)) {
                send(exchange, 404, HttpAnswers.JSON, HttpAnswers.notFound(path), method);
            } else if (HttpAnswers.scrape(method)) {
                StringWriter text = new StringWriter(16 * 1024);
                try {
                    exposition.write(text);
                } catch (RuntimeException e) {
                    LOG.error("GET /metrics on the metrics port failed", e);
                    send(exchange, 500, HttpAnswers.JSON,
                            HttpAnswers.error(500, "internal error; the container log has the details"), method);
                    return;
                }
                send(exchange, 200, Exposition.CONTENT_TYPE, text.toString(), method);
            } else {
                exchange.getResponseHeaders().set("Allow", HttpAnswers.ALLOW);
                if ("OPTIONS".equals(method)) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, 405, HttpAnswers.JSON, HttpAnswers.methodNotAllowed(method, path), method);
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, String method)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
