package io.cascadence.transport.nats.impl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server process of a test's own (the machine's /usr/sbin/nats-server), so a test can take the server away
 * and bring it back on the same port without disturbing the shared one on 4222.
 */
final class PrivateNatsServer implements AutoCloseable {

    private static final String BINARY = "/usr/sbin/nats-server";

    private final int port;
    private final Path jetStreamDir;
    private Process process;

    /**
     * @param jetStreamDir where JetStream keeps its files, or {@code null} for a server without JetStream
     */
    PrivateNatsServer(Path jetStreamDir) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.jetStreamDir = jetStreamDir;
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Starts the server and returns once it accepts connections. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY, "-a", "127.0.0.1", "-p", String.valueOf(port)));
        if (jetStreamDir != null) {
            command.addAll(List.of("-js", "-sd", jetStreamDir.toString()));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException(BINARY + " did not start on port " + port);
            }
            Thread.sleep(50);
        }
    }

    /** Kills the server and waits until it is gone. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
