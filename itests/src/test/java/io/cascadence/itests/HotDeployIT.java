package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Dropping plugin jars into, replacing them in and removing them from plugins/ of a running container. */
class HotDeployIT {

    private static final Path HELLO = Path.of(System.getProperty("hello.jar"));

    private Installation installation;
    private ContainerProcess container;

    @BeforeEach
    void start() {
        installation = Installation.copy("hot-deploy");
        container = installation.start();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void aDroppedPluginAppearsRunsDisappearsAndComesBack() {
        Path jar = installation.plugins().resolve("hello.jar");
        assertThat(hello()).isNull();

        Installation.dropInto(HELLO, jar);
        Await.until("hello in GET /tasks", () -> hello() != null);
        assertThat(installation.task("list").stdout().lines()).contains("hello\tenabled", "example\tenabled");
        Http.Response run = container.http.post("/tasks/hello/run", Map.of("X-User-ID", "ada"));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("result").asText()).isEqualTo("Hello, ada!");

        delete(jar);
        Await.until("hello gone from GET /tasks", () -> hello() == null);
        assertThat(container.http.post("/tasks/hello/run").status()).isEqualTo(404);
        assertThat(installation.task("list").stdout().lines()).doesNotContain("hello\tenabled");

        Installation.dropInto(HELLO, jar);
        Await.until("hello back in GET /tasks", () -> hello() != null);
    }

    @Test
    void replacingAPluginJarSwitchesToTheNewVersion() {
        Path jar = installation.plugins().resolve("hello.jar");
        Installation.dropInto(HELLO, jar);
        Await.until("hello in GET /tasks", () -> hello() != null);
        String oldVersion = hello().path("version").asText();

        Installation.dropInto(PluginJars.withVersion(HELLO, "9.9.9"), jar);

        Await.until("hello at version 9.9.9 (was " + oldVersion + ")",
                () -> hello() != null && "9.9.9".equals(hello().path("version").asText()));
        assertThat(container.http.post("/tasks/hello/run").json().path("result").asText()).isEqualTo("Hello, world!");
    }

    @Test
    void aCorruptJarIsLoggedByNameAndChangesNothingElse() throws IOException {
        Path corrupt = installation.plugins().resolve("broken-plugin.jar");
        Path bytes = Installation.tempFile("broken", ".jar");
        Files.writeString(bytes, "this is not a zip file");
        Installation.dropInto(bytes, corrupt);

        Await.until("a log line naming broken-plugin.jar", () -> container.log().contains("broken-plugin.jar"));
        assertThat(container.isAlive()).isTrue();
        JsonNode health = container.http.get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("warnings").toString())
                .contains("plugins/broken-plugin.jar cannot be deployed: it is not a readable jar file");
        assertThat(ContainerIT.find(container.http.get("/tasks").json(), "example")).isNotNull();
        assertThat(container.http.post("/tasks/example/run").status()).isEqualTo(200);

        // A good plugin dropped afterwards still deploys.
        Installation.dropInto(HELLO, installation.plugins().resolve("hello.jar"));
        Await.until("hello in GET /tasks after the corrupt jar", () -> hello() != null);
    }

    @Test
    void aJarCopiedSlowlyInPlaceIsDeployedOnceCompleteAndNotReportedBroken() throws Exception {
        Path jar = installation.plugins().resolve("hello.jar");
        byte[] bytes = Files.readAllBytes(HELLO);
        int half = bytes.length / 2;
        // A plain, slow copy straight into plugins/: half now, the rest after more than one poll.
        Files.write(jar, Arrays.copyOf(bytes, half));
        Thread.sleep(1200);
        Files.write(jar, bytes);

        Await.until("hello in GET /tasks after a slow copy", () -> hello() != null);
        assertThat(container.http.post("/tasks/hello/run").status()).isEqualTo(200);
        assertThat(container.log()).doesNotContain("cannot be deployed");
    }

    private JsonNode hello() {
        Http.Response tasks = container.http.get("/tasks");
        assertThat(tasks.status()).isEqualTo(200);
        return ContainerIT.find(tasks.json(), "hello");
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
