package io.cascadence.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code nats-server} with JetStream on a free loopback port, that a test may stop and start again on the
 * same port and store, as an outage does. {@code .ci/run} installs the Debian package when it is missing.
 */
final class NatsServerProcess implements AutoCloseable {

    private static final String BINARY = System.getenv().getOrDefault("NATS_SERVER", "nats-server");

    private final int port;
    private final Path store;
    private final Path log;
    private Process process;

    private NatsServerProcess(int port, Path store, Path log) {
        this.port = port;
        this.store = store;
        this.log = log;
    }

    /** Starts one on a free port, with its JetStream store in a fresh folder. */
    static NatsServerProcess start() {
        Path store = Installation.tempFile("nats-store", "");
        try {
            Files.deleteIfExists(store);
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NatsServerProcess server = new NatsServerProcess(Installation.freePort(), store,
                store.resolveSibling(store.getFileName() + ".log"));
        server.resume();
        return server;
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Starts the server again on the same port and store. */
    void resume() {
        try {
            process = new ProcessBuilder(BINARY, "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                    store.toString()).redirectErrorStream(true).redirectOutput(
                            ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY + " (apt-get install nats-server)", e);
        }
        Await.until("nats-server on " + port, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("nats-server exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Stops the server (SIGTERM) and waits until it is gone. */
    void halt() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            halt();
        }
    }
}
