package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Webhook deliveries as GitHub and Cal.com send them, to the shipped github_webhook and calcom_webhook tasks: runs
 * recorded like any other, signatures checked once a secret is configured (picked up while the container runs),
 * repeated delivery ids run once (also after a stop), refusals that run nothing, a webhook_port listener, and
 * {@code bin/task webhook} serving nothing but the webhooks on its own port. One installation throughout, so that
 * the class boots Cascadence twice only.
 */
class WebhookIT {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String ISSUE_OPENED = "{\"action\":\"opened\",\"issue\":{\"number\":7},"
            + "\"repository\":{\"full_name\":\"octo/hello\"}}";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void deliveriesRunTheTasksOfTheirSourceVerifiedOnceASecretIsConfiguredAndTaskWebhookServesThem() throws Exception {
        Installation installation = Installation.copy("webhooks");
        String base = installation.baseUrl();
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            Await.until("the webhook tasks", () -> http.get("/tasks").body().contains("\"calcom_webhook\""));
            assertThat(warnings(http)).anyMatch(w -> w.startsWith("webhook source 'github' is unauthenticated"))
                    .anyMatch(w -> w.startsWith("webhook source 'calcom' is unauthenticated"));

            // Without a secret a delivery is taken as it comes, and its run is recorded like any other.
            Delivery unsigned = post(base + "/webhook/github", ISSUE_OPENED, github("issues", "d-0", null));
            assertThat(unsigned.status()).as(unsigned.body()).isEqualTo(202);
            assertThat(unsigned.json().path("status").asText()).isEqualTo("received");
            assertThat(unsigned.json().path("event").asText()).isEqualTo("issues");
            JsonNode run = unsigned.json().path("runs").get(0);
            assertThat(run.path("task").asText()).isEqualTo("github_webhook");
            JsonNode record = ended(http, run.path("run_id").asText());
            assertThat(record.path("status").asText()).isEqualTo("success");
            assertThat(record.path("trigger").asText()).isEqualTo("webhook");
            assertThat(record.path("result").asText()).isEqualTo(
                    "{\"action\":\"opened\",\"issue\":7,\"repository\":\"octo/hello\"}");
            assertThat(record.path("input").asText()).startsWith("{\"source\":\"github\",\"event\":\"issues\"");

            // A secret configured at runtime applies without a restart.
            Installation.writeAtomically(installation.config().resolve("io.cascadence.webhook-github.cfg"),
                    "source = github\nsecret = " + SECRET + "\n");
            Await.until("the github secret in force",
                    () -> warnings(http).stream().noneMatch(w -> w.startsWith("webhook source 'github'")));
            assertThat(http.get("/config").body() + http.get("/health").body()).doesNotContain(SECRET);
            int before = runs(http, "github_webhook");

            Delivery missing = post(base + "/webhook/github", ISSUE_OPENED, github("issues", "d-1", null));
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.json().path("detail").asText()).startsWith("the delivery has no X-Hub-Signature-256");
            Delivery forged = post(base + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-1", sign("guess", ISSUE_OPENED)));
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.json().path("detail").asText()).startsWith("X-Hub-Signature-256 does not match")
                    .doesNotContain(SECRET);
            Delivery altered = post(base + "/webhook/github", ISSUE_OPENED.replace("opened", "closed"),
                    github("issues", "d-1", sign(SECRET, ISSUE_OPENED)));
            assertThat(altered.status()).isEqualTo(401);

            Delivery signed = post(base + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-1", sign(SECRET, ISSUE_OPENED)));
            assertThat(signed.status()).as(signed.body()).isEqualTo(202);
            Delivery again = post(base + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-1", sign(SECRET, ISSUE_OPENED)));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("status").asText()).isEqualTo("duplicate");
            ended(http, signed.json().path("runs").get(0).path("run_id").asText());
            assertThat(runs(http, "github_webhook")).as("the refused and the repeated ones ran nothing")
                    .isEqualTo(before + 1);

            // Refusals that run nothing.
            Delivery malformed = post(base + "/webhook/github", "{\"action\":", github("issues", "d-2",
                    sign(SECRET, "{\"action\":")));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().path("detail").asText()).startsWith("the request body is not JSON");
            String huge = "{\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
            Delivery oversized = post(base + "/webhook/calcom", huge, Map.of());
            assertThat(oversized.status()).isEqualTo(413);
            assertThat(oversized.json().path("detail").asText()).contains("max_body_size");
            Delivery unknown = post(base + "/webhook/stripe", "{}", Map.of());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("detail").asText()).startsWith("No webhook task handles source 'stripe'");
            assertThat(post(base + "/webhook/GitHub", "{}", Map.of()).status()).isEqualTo(404);
            assertThat(http.get("/webhook/github").status()).isEqualTo(405);
            assertThat(runs(http, "github_webhook")).isEqualTo(before + 1);

            // A Cal.com booking as Cal.com sends it: the event is the body's triggerEvent.
            Delivery booking = post(base + "/webhook/calcom", "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":"
                    + "{\"eventTitle\":\"Intro call\",\"startTime\":\"2026-12-07T09:00:00Z\"}}", Map.of());
            assertThat(booking.status()).as(booking.body()).isEqualTo(202);
            assertThat(booking.json().path("event").asText()).isEqualTo("BOOKING_CREATED");
            JsonNode booked = ended(http, booking.json().path("runs").get(0).path("run_id").asText());
            assertThat(booked.path("task").asText()).isEqualTo("calcom_webhook");
            assertThat(booked.path("result").asText()).contains("\"event\":\"Intro call\"");

            // A paused task is skipped and the answer says so.
            assertThat(http.post("/tasks/calcom_webhook/pause").status()).isEqualTo(200);
            Delivery paused = post(base + "/webhook/calcom", "{\"triggerEvent\":\"BOOKING_CREATED\"}", Map.of());
            assertThat(paused.status()).isEqualTo(202);
            assertThat(paused.json().path("runs")).isEmpty();
            assertThat(paused.json().path("skipped").get(0).path("reason").asText())
                    .isEqualTo("Task 'calcom_webhook' is paused");

            // Two configurations for one source: which secret applies is not guessed.
            Path second = installation.config().resolve("io.cascadence.webhook-github2.cfg");
            Installation.writeAtomically(second, "source = github\nsecret = other\n");
            Await.until("the conflict reported",
                    () -> warnings(http).stream().anyMatch(w -> w.contains("'github' has 2 configurations")));
            Delivery conflicted = post(base + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-3", sign(SECRET, ISSUE_OPENED)));
            assertThat(conflicted.status()).isEqualTo(503);
            Files.delete(second);
            Await.until("the conflict gone",
                    () -> warnings(http).stream().noneMatch(w -> w.contains("'github' has 2 configurations")));

            // webhook_port opens a listener while the container runs, serving the webhooks and nothing else.
            int configured = Installation.freePort();
            Installation.writeAtomically(installation.config().resolve("io.cascadence.web.cfg"),
                    "webhook_port = " + configured + "\nwebhook_host = 127.0.0.1\n");
            Http listener = new Http("http://127.0.0.1:" + configured);
            Await.until("the webhook listener", () -> listener.get("/health").status() == 404);
            Delivery there = post("http://127.0.0.1:" + configured + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-4", sign(SECRET, ISSUE_OPENED)));
            assertThat(there.status()).as(there.body()).isEqualTo(202);
            assertThat(listener.get("/tasks").status()).isEqualTo(404);
            assertThat(http.get("/tasks").status()).isEqualTo(200);

            // The running container serves the webhooks; bin/task webhook says where instead of starting another.
            Installation.CommandResult refused = installation.task("webhook", "--port",
                    Integer.toString(Installation.freePort()));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).contains("Cascadence is already running from")
                    .contains(base + "/webhook/SOURCE").contains("webhook_port");
        }

        // bin/task webhook serves the same installation once the container is stopped: only the webhooks, on
        // its own port (over the configured webhook_port), and a delivery seen before the stop is still a repeat.
        int port = Installation.freePort();
        ForegroundCommand webhook = ForegroundCommand.start(installation, "webhook.log", "webhook", "--host",
                "127.0.0.1", "--port", Integer.toString(port));
        try {
            String first = webhook.nextLine(60);
            assertThat(first).as(webhook.log())
                    .isEqualTo("Serving webhooks on http://127.0.0.1:" + port + "/webhook/SOURCE (POST only); "
                            + "Ctrl-C stops");

            String listener = "http://127.0.0.1:" + port;
            Delivery redelivered = post(listener + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-1", sign(SECRET, ISSUE_OPENED)));
            assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
            assertThat(redelivered.json().path("status").asText()).isEqualTo("duplicate");
            Delivery fresh = post(listener + "/webhook/github", ISSUE_OPENED,
                    github("issues", "d-5", sign(SECRET, ISSUE_OPENED)));
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(202);
            assertThat(new Http(listener).get("/tasks").status()).isEqualTo(404);
            assertThat(new Http(listener).post("/tasks/github_webhook/run").status()).isEqualTo(404);
            assertThat(new Http(listener).get("/health").status()).isEqualTo(404);

            // Other commands act on it meanwhile.
            String runId = fresh.json().path("runs").get(0).path("run_id").asText();
            Await.until("the delivery's run in task runs",
                    () -> installation.task("runs", "github_webhook").stdout().contains(runId + "\tsuccess\t"));
        } finally {
            assertThat(webhook.stop()).as("a stop the command is told of is its normal end").isZero();
        }
        assertThat(installation.home.resolve("data/.runtime")).doesNotExist();
    }

    private static List<String> warnings(Http http) {
        List<String> warnings = new java.util.ArrayList<>();
        http.get("/health").json().path("warnings").forEach(w -> warnings.add(w.asText()));
        return warnings;
    }

    private static int runs(Http http, String task) {
        return http.get("/tasks/" + task + "/runs?limit=1000").json().size();
    }

    private static JsonNode ended(Http http, String runId) {
        Await.until("run " + runId + " ended", () -> {
            String status = http.get("/runs/" + runId).json().path("status").asText();
            return !status.equals("queued") && !status.equals("running");
        });
        return http.get("/runs/" + runId).json();
    }

    private static Map<String, String> github(String event, String delivery, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", delivery);
        if (signature != null) {
            headers.put("X-Hub-Signature-256", signature);
        }
        return headers;
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static Delivery post(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Delivery(int status, String body) {

        JsonNode json() {
            return new Http.Response(status, body, "application/json").json();
        }
    }
}
