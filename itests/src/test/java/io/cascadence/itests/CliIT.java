package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original's sub-commands that act on tasks of a kind (trigger, the pointer commands) and watch-plugins, as a
 * user runs them: bin/task as a process against one running container with the pipeline examples, and the same
 * words as task:* commands at the console.
 */
class CliIT {

    private static final Path PIPELINE = Path.of(System.getProperty("pipeline.jar"));
    private static final Path HELLO = Path.of(System.getProperty("hello.jar"));

    private static Installation installation;
    private static ContainerProcess container;

    @BeforeAll
    static void start() {
        installation = Installation.copy("cli");
        Installation.dropInto(PIPELINE, installation.plugins().resolve("pipeline.jar"));
        container = installation.start();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void triggerRunsAManualTaskAndRefusesAnyOther() {
        Installation.CommandResult manual = installation.task("trigger", "demo", "--user-id", "ada");
        assertThat(manual.exitCode()).as(manual.stderr()).isZero();
        assertThat(manual.stdout()).matches("run id: [0-9a-f-]{36}\n");
        String runId = manual.stdout().substring("run id: ".length()).strip();
        assertThat(container.http.get("/runs/" + runId).json().path("result").asText()).isEqualTo("demo run by ada");

        Installation.CommandResult scheduled = installation.task("trigger", "example");
        assertThat(scheduled.exitCode()).isEqualTo(1);
        assertThat(scheduled.stdout()).isEmpty();
        assertThat(scheduled.stderr()).isEqualTo("error: 'example' is not a manual task\n");

        Installation.CommandResult unknown = installation.task("trigger", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).isEqualTo("error: Unknown task: nope\n");
    }

    @Test
    void pointerCommandsAddListAndReceive() {
        Installation.CommandResult added = installation.task("pointer-add", "family_pointer", "ada", "run42",
                "--group-id", "home");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(added.stdout()).isEqualTo("pointer added\n");

        Installation.CommandResult received = installation.task("pointer-receive", "family_pointer", "run43",
                sha256("ada"), "--group-id", "home");
        assertThat(received.exitCode()).as(received.stderr()).isZero();
        assertThat(received.stdout()).isEqualTo("pointer stored\n");

        Installation.CommandResult listed = installation.task("pointer-list", "family_pointer", "--user-id", "ada",
                "--group-id", "home");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).isEqualTo("run42\t" + sha256("ada") + "\nrun43\t" + sha256("ada") + "\n");
        assertThat(installation.task("pointer-list", "family_pointer", "--user-id", "bob").stdout()).isEmpty();

        Installation.CommandResult notPointer = installation.task("pointer-add", "example", "ada", "run1");
        assertThat(notPointer.exitCode()).isEqualTo(1);
        assertThat(notPointer.stderr()).isEqualTo("error: 'example' is not a pointer task\n");
    }

    @Test
    void commandHelpAndUsageErrors() {
        Installation.CommandResult help = installation.task("pointer-list", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("Usage: task pointer-list NAME --user-id ID")
                .contains("<run_id> TAB <user_hash>").contains("Exit status: 0 done");

        Installation.CommandResult missing = installation.task("pointer-add", "family_pointer", "ada");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).startsWith("Usage: task").contains("error: Missing argument 'RUN_ID'.");
        assertThat(missing.stdout()).isEmpty();
    }

    @Test
    void watchPluginsDeploysAFoldersBundlesUntilItIsStoppedAndTheyGoThen() throws Exception {
        Path dir = Files.createDirectories(installation.home.resolve("dev-plugins"));
        Path out = Installation.tempFile("watch-out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(installation.home.resolve("bin/task").toString(),
                "watch-plugins", dir.toString()).directory(installation.home.toFile())
                .redirectOutput(out.toFile()).redirectError(Installation.tempFile("watch-err", ".txt").toFile());
        builder.environment().putAll(installation.environment);
        Process watch = builder.start();
        try {
            Await.until("the watching line", () -> read(out).startsWith("watching "));
            assertThat(read(out)).isEqualTo("watching " + dir + "... press Ctrl+C to stop\n");
            assertThat(container.http.get("/plugins/folders").json().toString()).contains(dir.toString());

            Installation.dropInto(HELLO, dir.resolve("hello.jar"));
            Await.until("hello deployed from " + dir, () -> container.http.get("/tasks").body()
                    .contains("\"hello\""));
            assertThat(container.http.get("/health").json().path("plugins").toString())
                    .contains(dir.resolve("hello.jar").toUri().toString());

            watch.destroy(); // SIGTERM, as Ctrl+C or a service manager ends it
            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(watch.exitValue()).isZero();
            assertThat(container.http.get("/tasks").body()).as("uninstalled before the command ended")
                    .doesNotContain("\"hello\"");
            assertThat(container.http.get("/plugins/folders").json().toString()).doesNotContain(dir.toString());
        } finally {
            watch.destroyForcibly();
        }
    }

    @Test
    void aFolderToWatchMustBeAReadableDirectoryGivenInFull() {
        assertThat(container.http.post("/plugins/folders?path=" + encode(installation.home.resolve("nope")))
                .json().path("detail").asText()).endsWith("is not a readable directory");
        assertThat(container.http.post("/plugins/folders?path=plugins").json().path("detail").asText())
                .isEqualTo("path 'plugins' is not absolute: give the folder's full path");

        Installation.CommandResult missing = installation.task("watch-plugins", "no-such-folder");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("error: path 'no-such-folder' is not a readable directory\n");
    }

    @Test
    void theConsoleHasTheSameCommands() throws IOException {
        Installation shell = Installation.copy("cli-shell");
        shell.environment.put("CASCADENCE_SHELL", "true");
        Installation.dropInto(PIPELINE, shell.plugins().resolve("pipeline.jar"));
        Path dir = Files.createDirectories(shell.home.resolve("dev-plugins"));
        Installation.dropInto(HELLO, dir.resolve("hello.jar"));

        Installation.CommandResult session = shell.runWithInput(String.join("\n",
                "task:trigger -u ada demo",
                "task:trigger example",
                "task:pointer-add family_pointer ada run42",
                "task:pointer-list -u ada family_pointer",
                "task:pointer-receive family_pointer run43 abc",
                "task:watch-plugins " + dir,
                "task:list",
                "task:unwatch-plugins " + dir,
                "task:enable hello",
                ""), "bin/cascadence");

        assertThat(session.exitCode()).as(session.stderr()).isZero();
        String output = session.stdout();
        assertThat(output).containsPattern("run id: [0-9a-f-]{36}");
        assertThat(output).contains("'example' is not a manual task");
        assertThat(output).contains("pointer added").contains("run42\t" + sha256("ada")).contains("pointer stored");
        assertThat(output).contains("watching " + dir).contains("hello\tenabled")
                .contains("stopped watching " + dir);
        assertThat(output).as("hello went with its folder").contains("Unknown task: hello");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(Path path) {
        return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
    }

    /** The original's id hash with the default, empty, {@code hash_secret}. */
    private static String sha256(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
