package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jetty-level handler on a real Jetty server (the one inside Felix HTTP's bundle) with an in-memory connector:
 * what Jetty refuses before any handler runs is JSON, and the installer puts the handler back when Felix removes
 * its connector.
 */
class JsonErrorHandlerTest {

    private Server server;
    private LocalConnector local;
    private Connector installed;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        local = new LocalConnector(server);
        server.addConnector(local);
        server.start();
        // What Felix HTTP's ConnectorFactory tracker does with the service.
        installed = new JettyErrorHandlerInstaller().createConnector(server);
        server.addConnector(installed);
        installed.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpTester.Response send(String request) throws Exception {
        return HttpTester.parseResponse(local.getResponse(request));
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        assertThat(response.get("Content-Type")).startsWith("application/json");
        return new ObjectMapper().readTree(response.getContent().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /tasks/%zz/run HTTP/1.1        | 400 | the request is malformed: a malformed percent-escape",
        "GET /tasks/..%2f..%2fetc HTTP/1.1  | 400 | the request is malformed: Ambiguous URI path separator",
        "GET /tasks/%00 HTTP/1.1            | 400 | the request is malformed: Illegal character in path",
        "PUT /tasks/%zz HTTP/1.1            | 400 | the request is malformed",
        "GET /tasks HTTP/9.9                | 400 | the request is malformed: Unknown Version",
        "GARBAGE                            | 400 | the request is malformed: No URI",
        "GET /tasks/x%5c..%5cy HTTP/1.1     | 400 | the request is malformed: Suspicious Path Character",
        "GET /../etc HTTP/1.1               | 400 | the request is malformed: Bad URI"})
    void aRequestJettyCannotTakeIsJsonForEveryMethod(String requestLine, int status, String detail)
            throws Exception {
        HttpTester.Response response = send(requestLine.strip() + "\r\nHost: localhost\r\n\r\n");

        assertThat(response.getStatus()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).startsWith(detail.strip());
        assertThat(response.getContent()).doesNotContain("<html");
    }

    @Test
    void oversizedHeadersAre431AndOversizedUrisAre414NamingTheLimit() throws Exception {
        int limit = local.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                .getHttpConfiguration().getRequestHeaderSize();

        HttpTester.Response headers = send("GET /tasks HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(100_000)
                + "\r\n\r\n");
        HttpTester.Response uri = send("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(headers.getStatus()).isEqualTo(431);
        assertThat(json(headers).path("detail").asText())
                .isEqualTo("the request headers are larger than " + limit + " bytes");
        assertThat(uri.getStatus()).isEqualTo(414);
        assertThat(json(uri).path("detail").asText()).isEqualTo("the request URI is longer than " + limit + " bytes");
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
        // An ambiguous path, which Jetty refuses once it knows the method; a request line it cannot parse at all
        // loses its method, and Jetty then closes the connection after the answer, body or not.
        LocalConnector.LocalEndPoint endPoint = local.executeRequest(
                "HEAD /tasks/..%2f..%2fetc HTTP/1.1\r\nHost: localhost\r\n\r\n");
        endPoint.waitUntilClosedOrIdleFor(5, TimeUnit.SECONDS);
        // Every byte Jetty wrote, read as such: a body after the headers would show here.
        String written = endPoint.takeOutputString();

        assertThat(written).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json").endsWith("\r\n\r\n");
    }

    @Test
    void aPathNoHandlerServesIs404Json() throws Exception {
        HttpTester.Response response = send("DELETE /nope?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(json(response).path("detail").asText()).isEqualTo("Not found: /nope?x=1");
    }

    @Test
    void theConnectorOpensNothingAndRemovingItPutsJettysHandlerBack() throws Exception {
        assertThat(server.getErrorHandler()).isInstanceOf(JsonErrorHandler.class);
        assertThat(((org.eclipse.jetty.server.NetworkConnector) installed).isOpen()).isFalse();

        installed.stop();
        server.removeConnector(installed);

        assertThat(server.getErrorHandler()).isNotInstanceOf(JsonErrorHandler.class).isInstanceOf(ErrorHandler.class);
        assertThat(send("GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n").getContent()).contains("<html");
    }
}
