package io.cascadence.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/cascadence}: runs the container in the foreground until Ctrl-C, SIGTERM or the shell's
 * {@code exit}. Exit status 0 after a clean stop, 1 when it cannot start.
 */
public final class Main {

    static final String PORT_ENV = "CASCADENCE_HTTP_PORT";
    static final String HOST_ENV = "CASCADENCE_HTTP_HOST";
    static final int DEFAULT_PORT = 8000;
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private Main() {
    }

    static final String USAGE = String.join("\n",
            "Usage: cascadence [--metrics-port PORT]",
            "",
            "Starts Cascadence in the foreground: a console (cascadence> prompt) in a terminal, none otherwise.",
            "Stop it with Ctrl-C, SIGTERM, or exit at the prompt.",
            "",
            "  --metrics-port PORT   also serve /metrics on PORT (1 to 65535), on the HTTP port's address; it wins",
            "                        over metrics_port for this process. /metrics is on the HTTP port either way.");

    public static void main(String[] args) {
        long started = System.nanoTime();
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            System.exit(0);
        }
        int metricsPort;
        try {
            metricsPort = metricsPort(args);
        } catch (IllegalArgumentException e) {
            System.err.println(USAGE);
            System.err.println();
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(Boolean.getBoolean("cascadence.shell"), started, metricsPort);
        } catch (LaunchException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /**
     * The port {@code --metrics-port} gives, or 0 without it.
     *
     * @throws IllegalArgumentException naming a malformed option or an argument that is not one
     */
    static int metricsPort(String[] args) {
        MetricsPortOption option = MetricsPortOption.parse(args);
        if (!option.rest().isEmpty()) {
            throw new IllegalArgumentException("Got unexpected argument '" + option.rest().get(0) + "'.");
        }
        return option.port();
    }

    private static void run(boolean shell, long startedNanos, int metricsPort) throws InterruptedException {
        Installation installation = Installation.fromSystemProperty();
        installation.prepare();
        String host = httpHost(System.getenv());
        int port = httpPort(System.getenv());
        InstanceLock lock = InstanceLock.tryAcquire(installation).orElseThrow(() -> alreadyRunning(installation));
        try {
            ensurePortFree(host, port);
            Container container = new Container(installation,
                    new ContainerOptions(host, port, shell, installation.cache().resolve("container"), true,
                            metricsPort));
            Thread hook = new Thread(() -> {
                container.stop(STOP_TIMEOUT);
                lock.close();
            }, "cascadence-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            container.start();
            if (!container.awaitHealthy(START_TIMEOUT)) {
                if (!container.running()) {
                    return; // stopped by a signal while starting
                }
                throw new LaunchException("Cascadence did not become healthy within " + START_TIMEOUT.toSeconds()
                        + " s; see the log above and GET /health");
            }
            RuntimeInfo info = new RuntimeInfo(ProcessHandle.current().pid(), host, port, "container");
            lock.publish(info);
            System.err.printf("Cascadence started in %d ms: %s (home %s)%n",
                    (System.nanoTime() - startedNanos) / 1_000_000, info.baseUrl(), installation.home());
            container.startShell();
            container.awaitStop();
        } finally {
            lock.close();
        }
    }

    private static LaunchException alreadyRunning(Installation installation) {
        Optional<RuntimeInfo> info = InstanceLock.readPublished(installation);
        return new LaunchException("Cascadence is already running from " + installation.home()
                + info.map(i -> " (pid " + i.pid() + ", " + i.baseUrl() + ")").orElse("")
                + "; use bin/task to talk to it, or stop it first");
    }

    static int httpPort(Map<String, String> environment) {
        String value = environment.get(PORT_ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(PORT_ENV + " is '" + value + "'; expected a port number from 1 to 65535");
    }

    /**
     * The address {@code bin/cascadence} serves HTTP on for this environment ({@code CASCADENCE_HTTP_HOST},
     * {@code CASCADENCE_HTTP_PORT}), as a local client reaches it: {@code http://127.0.0.1:8000} by default.
     *
     * @throws LaunchException when the port is not a port number
     */
    public static String configuredBaseUrl(Map<String, String> environment) {
        return new RuntimeInfo(0, httpHost(environment), httpPort(environment), "container").baseUrl();
    }

    static String httpHost(Map<String, String> environment) {
        String value = environment.get(HOST_ENV);
        return value == null || value.isBlank() ? DEFAULT_HOST : value.strip();
    }

    private static void ensurePortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new LaunchException("Cannot serve HTTP on " + host + ":" + port + " (" + e.getMessage()
                    + "); set " + PORT_ENV + " to a free port or " + HOST_ENV + " to a local address");
        }
    }
}
