package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * API tokens, Host and Origin checks, CORS and the StageStore routes over a real socket, in one container whose
 * {@code io.cascadence.web.cfg} sets {@code api_tokens}; and {@code bin/task} with tokens, against that container and
 * on its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiSecurityIT {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String ALICE = "alice-token-0123456789";
    private static final String BOB_HASH = "81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9";
    private static final String WEB_CFG = "api_tokens = " + ADMIN + ", " + ALICE + "=alice\n"
            + "cors_origins = https://ops.example.com\n";

    private static Installation installation;
    private static ContainerProcess container;

    @BeforeAll
    static void start() {
        installation = Installation.copy("api-security");
        Installation.writeAtomically(installation.config().resolve("io.cascadence.web.cfg"), WEB_CFG);
        container = installation.start();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    @Order(1)
    void aWriteNeedsATokenAReadDoesNotAndTheStageEventsOfTheRunAreTheCallers() {
        Http.Response refused = container.http.post("/tasks/example/run", Map.of("X-User-ID", "ada"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().path("detail").asText()).contains("Authorization: Bearer");
        assertThat(container.http.get("/runs").json()).as("nothing ran").isEmpty();

        Http.Response wrong = container.http.post("/tasks/example/run",
                Map.of("Authorization", "Bearer not-" + ADMIN));
        assertThat(wrong.status()).isEqualTo(401);

        Http.Response run = container.http.post("/tasks/example/run",
                Map.of("Authorization", "Bearer " + ADMIN, "X-User-ID", "ada"));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(container.http.get("/tasks").status()).isEqualTo(200);

        JsonNode audit = container.http.get("/pipeline/example/audit?user_id=ada").json();
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).path("run_id").asText()).isEqualTo(run.json().path("run_id").asText());
        assertThat(container.http.get("/pipeline/example?user_id=ada").json()).isNotEmpty();
        assertThat(container.http.get("/pipeline/example?user_id=grace").json()).isEmpty();
        Http.Response otherScope = container.http.get("/pipeline/example/audit?user_id=grace&user_hash=ada");
        assertThat(otherScope.status()).isEqualTo(403);
        assertThat(otherScope.json().path("detail").asText()).isEqualTo("cannot access requested user scope");
    }

    @Test
    @Order(2)
    void aBoundTokenCannotReadAnotherUsersPointersButAnUnboundOneCan() {
        Http.Response received = container.http.post("/pointers/family_pointer/receive?run_id=r1&user_hash="
                + BOB_HASH, Map.of("Authorization", "Bearer " + ADMIN));
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(container.http.post("/pointers/family_pointer/receive?run_id=r1&user_hash=nothex",
                Map.of("Authorization", "Bearer " + ADMIN)).status()).isEqualTo(400);

        assertThat(container.http.get("/pointers/family_pointer",
                Map.of("Authorization", "Bearer " + ADMIN, "X-User-ID", BOB_HASH)).json()).hasSize(1);

        Http.Response asBob = container.http.get("/pointers/family_pointer",
                Map.of("Authorization", "Bearer " + ALICE, "X-User-ID", BOB_HASH));
        assertThat(asBob.status()).isEqualTo(403);
        assertThat(asBob.json().path("detail").asText()).contains("bound to user 'alice'");
        Http.Response own = container.http.get("/pointers/family_pointer", Map.of("Authorization", "Bearer " + ALICE));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).isEmpty();
    }

    @Test
    @Order(2)
    void aBoundTokenSeesAndCancelsOnlyItsUsersRuns() {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + ADMIN, "X-User-ID", "bob");
        Map<String, String> alice = Map.of("Authorization", "Bearer " + ALICE);
        String bobs = container.http.post("/tasks/example/run", admin).json().path("run_id").asText();
        String alices = container.http.post("/tasks/example/run", alice).json().path("run_id").asText();

        assertThat(container.http.get("/runs/" + bobs, alice).status()).isEqualTo(404);
        assertThat(container.http.post("/runs/" + bobs + "/cancel", alice).status()).isEqualTo(404);
        assertThat(container.http.get("/runs/" + alices, alice).status()).isEqualTo(200);
        assertThat(container.http.get("/runs?task=example&limit=1000", alice).json().findValuesAsText("run_id"))
                .contains(alices).doesNotContain(bobs);
        assertThat(container.http.get("/tasks/example/runs?limit=1000", alice).json().findValuesAsText("run_id"))
                .contains(alices).doesNotContain(bobs);
        assertThat(container.http.get("/runs/" + bobs, admin).status()).as("an unbound token sees every run")
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void aForeignHostIsRefusedAndACorsPreflightOfAListedOriginIsAnswered() throws IOException {
        RawHttp raw = new RawHttp(installation.port());
        RawHttp.Answer evil = raw.send("GET /tasks HTTP/1.1\r\nHost: evil.example:" + installation.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(evil.status()).isEqualTo(421);
        assertThat(evil.body()).contains("evil.example").contains("allowed_hosts");

        RawHttp.Answer preflight = raw.send("OPTIONS /tasks/example/run HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: https://ops.example.com\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: authorization\r\nConnection: close\r\n\r\n");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.com");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

        RawHttp.Answer foreign = raw.send("POST /tasks/example/disable HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: https://evil.example\r\nAuthorization: Bearer " + ADMIN + "\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(container.http.get("/tasks").json().get(0).path("disabled").asBoolean()).isFalse();

        RawHttp.Answer trace = raw.send("TRACE /tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN
                + "\r\nConnection: close\r\n\r\n");
        assertThat(trace.status()).isEqualTo(405);
        assertThat(container.http.get("/openapi.json").json().path("openapi").asText()).startsWith("3.");
    }

    @Test
    @Order(4)
    void binTaskSendsItsTokenToARunningContainer() {
        Installation.CommandResult without = installation.task("disable", "example");
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.stderr()).contains("error: an API token is required").contains("--token");

        Installation.CommandResult with = installation.task("disable", "example", "--token", ADMIN);
        assertThat(with.exitCode()).as(with.stderr()).isZero();
        Installation.CommandResult before = installation.task("--token", ADMIN, "disable", "example");
        assertThat(before.exitCode()).as("--token before the command: " + before.stderr()).isZero();
        installation.environment.put("CASCADENCE_API_TOKEN", ADMIN);
        try {
            Installation.CommandResult env = installation.task("enable", "example");
            assertThat(env.exitCode()).as(env.stderr()).isZero();
        } finally {
            installation.environment.remove("CASCADENCE_API_TOKEN");
        }
    }

    @Test
    @Order(5)
    void scopeAllIsLiveAndThenEveryReadNeedsAToken() {
        Installation.writeAtomically(installation.config().resolve("io.cascadence.web.cfg"),
                WEB_CFG + "api_tokens_scope = all\n");
        Await.until(Await.CHANGE, () -> "GET /tasks refused without a token",
                () -> container.http.get("/tasks").status() == 401);

        assertThat(container.http.get("/tasks", Map.of("Authorization", "Bearer " + ALICE)).status()).isEqualTo(200);
        Installation.CommandResult list = installation.task("list", "--token", ALICE);
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("example\tenabled");
    }

    @Test
    @Order(6)
    void binTaskWithoutAContainerNeedsNoTokenEvenWithScopeAll() {
        Installation standalone = Installation.copy("api-security-standalone");
        Installation.writeAtomically(standalone.config().resolve("io.cascadence.web.cfg"),
                WEB_CFG + "api_tokens_scope = all\n");

        Installation.CommandResult list = standalone.task("list");

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("example\tenabled\n");
    }
}
