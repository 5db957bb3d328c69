package io.cascadence.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A running {@code bin/cascadence}, with no terminal, as a service manager or CI would start it. */
final class ContainerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    final Http http;

    private ContainerProcess(Process process, Path log, Http http) {
        this.process = process;
        this.log = log;
        this.http = http;
    }

    static ContainerProcess start(Installation installation) {
        Path log = installation.home.resolve("container.log");
        ProcessBuilder builder = new ProcessBuilder(installation.home.resolve("bin/cascadence").toString())
                .directory(installation.home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(installation.environment);
        try {
            ContainerProcess container = new ContainerProcess(builder.start(), log, new Http(installation.baseUrl()));
            Await.until(START_TIMEOUT, () -> "GET /health answers 200; log:\n" + container.log(), () -> {
                if (!container.process.isAlive()) {
                    throw new AssertionError("bin/cascadence exited with " + container.process.exitValue()
                            + "; log:\n" + container.log());
                }
                return container.http.get("/health").status() == 200;
            });
            return container;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/cascadence did not stop within 60 s after SIGTERM; log:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL, as a crash or an out-of-memory killer ends it: nothing of Cascadence runs after it. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("bin/cascadence survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits up to {@code timeout} for the process to end by itself; returns whether it did. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM without waiting. */
    void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
