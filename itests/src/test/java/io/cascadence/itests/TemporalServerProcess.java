package io.cascadence.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's own test server (temporal-testing's {@code io.temporal.testserver.TestServer}) as a process of its own
 * on a free loopback port: a real Temporal frontend over gRPC, kept in memory. The build copies its class path to
 * {@code bundles/temporal/target/test-server}.
 */
final class TemporalServerProcess implements AutoCloseable {

    private static final Path CLASS_PATH = Path.of(System.getProperty("temporal.test.server"));

    private final int port;
    private final Path log;
    private final Process process;

    private TemporalServerProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static TemporalServerProcess start() {
        return start(Installation.freePort());
    }

    /** Starts one on {@code port}, which a container may already be trying to reach. */
    static TemporalServerProcess start(int port) {
        Path log = Installation.tempFile("temporal-test-server", ".log");
        Process process;
        try {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    CLASS_PATH + "/*", "io.temporal.testserver.TestServer", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TemporalServerProcess server = new TemporalServerProcess(port, log, process);
        Await.until("Temporal test server on " + port, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the Temporal test server exited: " + server.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return server;
    }

    /** {@code host:port}, as {@code TEMPORAL_SERVER} wants it. */
    String address() {
        return "127.0.0.1:" + port;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
