package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What runs is what plugins/ holds, whatever a user puts there: two copies of a plugin, a broken replacement, a
 * replacement that looks like the old file to size and time, a configuration file in the wrong folder.
 */
class PluginFolderIT {

    private static final Path HELLO = Path.of(System.getProperty("hello.jar"));

    private Installation installation;
    private ContainerProcess container;

    @BeforeEach
    void start() {
        installation = Installation.copy("plugin-folder");
        container = installation.start();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void aSecondCopyIsReportedAndDeletingEitherCopyKeepsTheTaskAnswering() throws IOException {
        Path hello = installation.plugins().resolve("hello.jar");
        Installation.dropInto(HELLO, hello);
        Await.until("hello in GET /tasks", () -> task("hello") != null);

        Installation.dropInto(HELLO, installation.plugins().resolve("hello-copy.jar"));
        Await.until("/health naming the second copy",
                () -> warnings().contains("plugins/hello-copy.jar is not deployed"));
        assertThat(warnings()).contains("another copy of the plugin that runs from plugins/hello.jar");
        assertThat(runsFrom("hello.jar")).as("hello runs from hello.jar alone: %s", helloLocations()).isTrue();

        Files.delete(hello);
        runHelloUntil("the copy takes over from the deleted hello.jar", () -> runsFrom("hello-copy.jar"));
        Await.until("the warning about the second copy gone", () -> !warnings().contains("hello"));

        Installation.dropInto(HELLO, hello);
        Await.until("/health naming hello.jar as the second copy now",
                () -> warnings().contains("plugins/hello.jar is not deployed"));
        Files.delete(hello);
        runHelloUntil("the warning about the deleted idle copy goes", () -> !warnings().contains("hello"));
        assertThat(runsFrom("hello-copy.jar")).as("hello runs from hello-copy.jar: %s", helloLocations()).isTrue();
    }

    @Test
    void aTruncatedReplacementKeepsTheOldVersionRunningAndIsReportedUntilAGoodJarReplacesIt() {
        Path hello = installation.plugins().resolve("hello.jar");
        Installation.dropInto(PluginJars.withVersion(HELLO, "1.0.1"), hello);
        Await.until("hello 1.0.1 in GET /tasks", () -> "1.0.1".equals(helloVersion()));

        Installation.dropInto(PluginJars.truncated(PluginJars.withVersion(HELLO, "1.0.2")), hello);
        Await.until("/health naming the truncated hello.jar",
                () -> warnings().contains("plugins/hello.jar cannot be deployed: it is not a readable jar file"));
        assertThat(warnings()).contains("1.0.1, installed from it before, keeps running until the file is fixed");
        assertThat(helloVersion()).isEqualTo("1.0.1");
        Http.Response run = container.http.post("/tasks/hello/run");
        assertThat(run.status()).as(run.body()).isEqualTo(200);

        Installation.dropInto(PluginJars.withVersion(HELLO, "1.0.2"), hello);
        Await.until("hello 1.0.2 once the file is fixed", () -> "1.0.2".equals(helloVersion()));
        Await.until("the warning about hello.jar gone", () -> !warnings().contains("hello.jar"));
    }

    @Test
    void aReplacementWithTheSameSizeAndModificationTimeIsPickedUp() throws IOException {
        Path hello = installation.plugins().resolve("hello.jar");
        Path v1 = PluginJars.withVersion(HELLO, "1.0.1");
        Path v2 = PluginJars.withVersion(HELLO, "1.0.2");
        Path v3 = PluginJars.withVersion(HELLO, "1.0.3");
        assertThat(List.of(PluginJars.size(v2), PluginJars.size(v3))).as("the test needs jars of one size")
                .containsOnly(PluginJars.size(v1));
        Installation.dropInto(v1, hello);
        Await.until("hello 1.0.1 in GET /tasks", () -> "1.0.1".equals(helloVersion()));
        FileTime modified = Files.getLastModifiedTime(hello);

        // A new file renamed into place with the old file's time, as cp -p or an unpacked archive leaves it.
        Path part = installation.plugins().resolve(".hello.jar.part");
        Files.copy(v2, part);
        Files.setLastModifiedTime(part, modified);
        Files.move(part, hello, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Await.until("hello 1.0.2 after a same-size, same-time rename", () -> "1.0.2".equals(helloVersion()));

        // The same file written over in place, its time set back.
        Files.write(hello, Files.readAllBytes(v3));
        Files.setLastModifiedTime(hello, modified);
        Await.until("hello 1.0.3 after a same-size, same-time write in place", () -> "1.0.3".equals(helloVersion()));
        assertThat(container.http.post("/tasks/hello/run").status()).isEqualTo(200);
    }

    @Test
    void aConfigurationFileInPluginsChangesNoConfigurationAndIsReported() {
        String before = container.http.get("/config").json().path("pids").toString();
        Installation.writeAtomically(installation.plugins().resolve("io.cascadence.cfg"),
                "timezone = Asia/Tokyo\nbackend = base\n");
        // A jar dropped after the cfg file: once it runs, plugins/ has been scanned with the cfg file in it.
        Installation.dropInto(HELLO, installation.plugins().resolve("hello.jar"));

        Await.until("hello in GET /tasks", () -> task("hello") != null);
        Await.until("/health naming the cfg file", () -> warnings().contains("plugins/io.cascadence.cfg is ignored"));
        assertThat(warnings()).contains("configuration is read from config/ only");
        for (int i = 0; i < 5; i++) {
            assertThat(container.http.get("/config").json().path("pids").toString()).isEqualTo(before);
        }
        assertThat(entry("timezone")).isEqualTo("UTC");
        assertThat(entry("backend")).isEqualTo("cron");
    }

    @Test
    void aCopyOfOneOfTheContainersOwnBundlesIsRefusedAndReported() {
        Installation.dropInto(installation.home.resolve("system/io.cascadence.api.jar"),
                installation.plugins().resolve("api-copy.jar"));

        Await.until("/health naming api-copy.jar",
                () -> warnings().contains("plugins/api-copy.jar cannot be deployed"));
        assertThat(warnings()).contains("the container already has io.cascadence.api");
        Http.Response health = container.http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("plugins").toString()).doesNotContain("io.cascadence.api\"");
        assertThat(container.http.post("/tasks/example/run").status()).isEqualTo(200);
    }

    /** Runs hello again and again until {@code done}; every run must succeed, so the task never went away. */
    private void runHelloUntil(String what, BooleanSupplier done) {
        List<Integer> statuses = new ArrayList<>();
        Await.until(what, () -> {
            // Back to back, no pause: a gap of a few milliseconds between two copies would show as a 404.
            for (int i = 0; i < 20; i++) {
                statuses.add(container.http.post("/tasks/hello/run").status());
            }
            return done.getAsBoolean();
        });
        assertThat(statuses).as("POST /tasks/hello/run while " + what).containsOnly(200);
    }

    private JsonNode task(String name) {
        Http.Response tasks = container.http.get("/tasks");
        assertThat(tasks.status()).isEqualTo(200);
        return ContainerIT.find(tasks.json(), name);
    }

    private String helloVersion() {
        JsonNode hello = task("hello");
        return hello == null ? null : hello.path("version").asText();
    }

    private String warnings() {
        return container.http.get("/health").json().path("warnings").toString();
    }

    /** Where the hello plugins listed by GET /health were installed from. */
    private List<String> helloLocations() {
        List<String> locations = new ArrayList<>();
        for (JsonNode plugin : container.http.get("/health").json().path("plugins")) {
            if (plugin.path("name").asText().equals("io.cascadence.examples.hello")) {
                locations.add(plugin.path("location").asText());
            }
        }
        return locations;
    }

    private boolean runsFrom(String file) {
        List<String> locations = helloLocations();
        return locations.size() == 1 && locations.get(0).endsWith("/plugins/" + file);
    }

    private String entry(String key) {
        return ConfigReports.value(container, key);
    }
}
