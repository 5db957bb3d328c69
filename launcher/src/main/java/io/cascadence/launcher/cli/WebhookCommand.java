package io.cascadence.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.launcher.Container;
import io.cascadence.launcher.ContainerOptions;
import io.cascadence.launcher.InstanceLock;
import io.cascadence.launcher.Installation;
import io.cascadence.launcher.LaunchException;
import io.cascadence.launcher.RuntimeInfo;

/**
 * {@code bin/task webhook [--host H] [--port P]}: the original's webhook server. It starts the container's parts
 * (as every command does without a running container: no shell, the REST API on a private loopback port, schedules
 * not fired) with a webhook listener on H:P that serves {@code POST /webhook/{source}} and nothing else, says where
 * it listens, and serves until Ctrl-C or SIGTERM. Meanwhile other {@code bin/task} commands act on it. When a
 * container of the installation runs already, it serves the webhooks itself: this says where, and how to give it a
 * listener of its own, and exits with 1.
 */
final class WebhookCommand {

    static final String DEFAULT_HOST = "0.0.0.0";
    static final int DEFAULT_PORT = 8000;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private WebhookCommand() {
    }

    /**
     * @param metricsPort {@code --metrics-port}, or 0
     * @param stop told when the process is to stop (Ctrl-C, SIGTERM): the command then stops what it started and
     *        returns 0
     * @return the exit status: 0 after Ctrl-C or SIGTERM, 1 when it cannot serve, 2 for a usage error
     */
    static int run(CommandLine line, int metricsPort, PrintStream out, PrintStream err, StopSignal stop) {
        String host = line.options().getOrDefault("host", DEFAULT_HOST).strip();
        int port;
        try {
            port = port(line.options().get("port"));
            if (host.isEmpty()) {
                throw new CommandLine.UsageException("--host is empty; expected an address such as 0.0.0.0");
            }
        } catch (CommandLine.UsageException e) {
            err.println(CommandLine.USAGE);
            err.println();
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            Installation installation = Installation.fromSystemProperty();
            installation.prepare();
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(installation);
            if (lock.isEmpty()) {
                throw new LaunchException(alreadyServed(installation, host, port));
            }
            try (InstanceLock owned = lock.get()) {
                serve(installation, owned, host, port, metricsPort, out, stop);
            }
            return 0;
        } catch (LaunchException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static int port(String text) {
        if (text == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.UsageException("--port is '" + text + "'; expected a port number from 1 to 65535");
    }

    private static void serve(Installation installation, InstanceLock lock, String host, int port, int metricsPort,
            PrintStream out, StopSignal stop) throws InterruptedException {
        ensureFree(host, port);
        PrintStream originalOut = System.out;
        System.setOut(System.err); // the container's own output is not the command's
        Path cache = installation.cache().resolve("cli-" + ProcessHandle.current().pid());
        String apiHost = InetAddress.getLoopbackAddress().getHostAddress();
        int apiPort = TaskCli.freePort(apiHost);
        Container container = new Container(installation,
                new ContainerOptions(apiHost, apiPort, false, cache, false, metricsPort, host, port));
        try {
            container.start();
            if (!container.awaitHealthy(START_TIMEOUT)) {
                if (!container.running()) {
                    return; // stopped by a signal while starting
                }
                throw new LaunchException("Cascadence did not start within " + START_TIMEOUT.toSeconds() + " s");
            }
            RuntimeInfo info = new RuntimeInfo(ProcessHandle.current().pid(), apiHost, apiPort, "cli");
            lock.publish(info);
            RuntimeInfo listener = new RuntimeInfo(info.pid(), host, port, "webhook");
            awaitListener(listener);
            out.println("Serving webhooks on http://" + hostPort(host, port) + "/webhook/SOURCE (POST only); "
                    + "Ctrl-C stops");
            out.flush();
            while (!stop.await(Duration.ofSeconds(1)) && container.running()) {
                // serving until told to stop; a container that stopped by itself ends the command too
            }
        } finally {
            container.stop(STOP_TIMEOUT);
            System.setOut(originalOut);
            TaskCli.deleteTree(cache);
            TaskCli.deleteTree(cache.resolveSibling(cache.getFileName() + "-tmp"));
        }
    }

    /** The listener opens once Jetty has taken its connector; a port taken meanwhile never opens. */
    private static void awaitListener(RuntimeInfo listener) throws InterruptedException {
        long deadline = System.nanoTime() + LISTENER_TIMEOUT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(listener.connectHost(), listener.port()), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("the webhook listener on " + hostPort(listener.host(), listener.port())
                            + " did not open (" + e.getMessage() + "); see GET /health of this process");
                }
            }
            Thread.sleep(50);
        }
    }

    private static void ensureFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new LaunchException("Cannot serve webhooks on " + hostPort(host, port) + " (" + e.getMessage()
                    + "); choose another --port or --host");
        }
    }

    /**
     * What to say when the container runs: it serves {@code /webhook/SOURCE} on its own port, and on the
     * listener {@code webhook_port} gives it, if any.
     */
    private static String alreadyServed(Installation installation, String host, int port) {
        Optional<RuntimeInfo> owner = InstanceLock.readPublished(installation);
        if (owner.isEmpty()) {
            return "Another Cascadence process holds " + installation.data() + "; stop it first";
        }
        if (owner.get().mode().equals("cli")) {
            // Another command's private container (another task webhook, or watch-plugins): its API is private.
            return "Another task command (pid " + owner.get().pid() + ") runs Cascadence from " + installation.home()
                    + " (task webhook or task watch-plugins); stop it first, or deliver to the listener it serves";
        }
        String url = owner.get().baseUrl();
        String listener = "";
        try {
            JsonNode report = new RestClient(url).get("/config", Map.of());
            for (JsonNode pid : report.path("pids")) {
                for (JsonNode entry : pid.path("entries")) {
                    if (entry.path("key").asText().equals("webhook_port") && entry.path("value").asInt() > 0) {
                        listener = ", and on its webhook listener (webhook_port " + entry.path("value").asText()
                                + ")";
                    }
                }
            }
        } catch (RuntimeException e) {
            // the address of the API is what matters; the listener is a courtesy
        }
        return "Cascadence is already running from " + installation.home() + " (pid " + owner.get().pid()
                + ") and serves webhooks itself at " + url + "/webhook/SOURCE" + listener + ". To serve them on "
                + hostPort(host, port) + " instead, set webhook_port = " + port + " and webhook_host = " + host
                + " in config/io.cascadence.web.cfg (applied while it runs)";
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
