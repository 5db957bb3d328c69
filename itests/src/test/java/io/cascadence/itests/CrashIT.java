package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What was acknowledged is durable: runs answered 200 (a result) or 202 (a run id) under load are all in the
 * history after a {@code kill -9}, and the history opens again after each kill.
 */
class CrashIT {

    private static final int CLIENTS = 16;
    private static final int KILLS = 3;

    @Test
    void everyAcknowledgedRunSurvivesKillNineUnderLoad() throws Exception {
        Installation installation = Installation.copy("crash-load");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedAsync = ConcurrentHashMap.newKeySet();
        for (int kill = 0; kill < KILLS; kill++) {
            ContainerProcess container = installation.start();
            Http http = container.http;
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                boolean async = c % 4 == 0;
                clients.execute(() -> {
                    while (loading.get()) {
                        Http.Response response = http.post("/tasks/example/" + (async ? "run-async" : "run"));
                        if (response.status() == 200) {
                            acknowledged.add(response.json().path("run_id").asText());
                        } else if (response.status() == 202) {
                            acknowledgedAsync.add(response.json().path("run_id").asText());
                        }
                    }
                });
            }
            int before = acknowledged.size() + acknowledgedAsync.size();
            Await.until("runs being acknowledged under load",
                    () -> acknowledged.size() + acknowledgedAsync.size() > before + 300);
            container.kill();
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            List<String> missing = new ArrayList<>();
            for (String runId : acknowledged) {
                JsonNode record = http.get("/runs/" + runId).json();
                if (!"success".equals(record.path("status").asText())) {
                    missing.add(runId + " " + record);
                }
            }
            for (String runId : acknowledgedAsync) {
                Http.Response record = http.get("/runs/" + runId);
                if (record.status() != 200 || record.json().path("status").asText().matches("queued|running")) {
                    missing.add(runId + " " + record.body());
                }
            }
            // The load really ran: each kill came after 300 more acknowledged runs, of both kinds.
            assertThat(acknowledged.size() + acknowledgedAsync.size()).isGreaterThanOrEqualTo(KILLS * 300);
            assertThat(acknowledged).isNotEmpty();
            assertThat(acknowledgedAsync).isNotEmpty();
            assertThat(missing).as("acknowledged runs not found (or left open) after %d kills of %d runs", KILLS,
                    acknowledged.size() + acknowledgedAsync.size()).isEmpty();
            assertThat(http.get("/runs?status=running&status=queued").json()).isEmpty();
        }
    }
}
