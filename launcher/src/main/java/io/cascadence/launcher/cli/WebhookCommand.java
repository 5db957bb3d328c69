package io.cascadence.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    private static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(30);

    private WebhookCommand() {
    }

    /**
     * @param global the options before the command: {@code --metrics-port} and the transport's, for the
     *        container it starts
     * @param stop told when the process is to stop (Ctrl-C, SIGTERM): the command then stops what it started and
     *        returns 0
     * @return the exit status: 0 after Ctrl-C or SIGTERM, 1 when it cannot serve, 2 for a usage error
     */
    static int run(CommandLine line, GlobalOptions global, PrintStream out, PrintStream err, StopSignal stop) {
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
                serve(installation, owned, host, port, global, out, stop);
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

    private static void serve(Installation installation, InstanceLock lock, String host, int port,
            GlobalOptions global, PrintStream out, StopSignal stop) throws InterruptedException {
        ensureFree(host, port);
        try (PrivateContainer container = PrivateContainer.start(installation, (apiHost, apiPort, cache) ->
                new ContainerOptions(apiHost, apiPort, false, cache, false, global.metricsPort(), host, port,
                        global.settings()))) {
            if (!container.ready(lock)) {
                return; // stopped by a signal while starting
            }
            awaitListener(new RuntimeInfo(container.info().pid(), host, port, "webhook"));
            out.println("Serving webhooks on http://" + hostPort(host, port) + "/webhook/SOURCE (POST only); "
                    + "Ctrl-C stops");
            out.flush();
            container.serveUntil(stop);
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
        Optional<String> other = PrivateContainer.heldByOther(installation, owner);
        if (other.isPresent()) {
            return other.get() + (owner.isPresent() ? ", or deliver to the listener it serves" : "");
        }
        String url = owner.get().baseUrl();
        String listener = "";
        try {
            String configured = ConfigReport.value(new RestClient(url).get("/config", Map.of()), "io.cascadence.web",
                    "webhook_port").orElse("0");
            if (Integer.parseInt(configured) > 0) {
                listener = ", and on its webhook listener (webhook_port " + configured + ")";
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
