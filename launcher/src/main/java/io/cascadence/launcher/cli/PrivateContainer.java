package io.cascadence.launcher.cli;

import java.io.PrintStream;
import java.net.InetAddress;
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
 * The container's parts a {@code bin/task} command starts itself when no container runs: no shell, schedules not
 * fired, the REST API on a free loopback port, a framework cache of this process's own. While it is open, the
 * container's own output goes to stderr, so that stdout holds only the command's. Closing it stops the container
 * and removes the cache.
 */
final class PrivateContainer implements AutoCloseable {

    /** The container's options, given where its private API listens and its cache. */
    @FunctionalInterface
    interface Options {
        ContainerOptions at(String host, int port, Path cache);
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Container container;
    private final RuntimeInfo info;
    private final Path cache;
    private final PrintStream originalOut;

    private PrivateContainer(Container container, RuntimeInfo info, Path cache, PrintStream originalOut) {
        this.container = container;
        this.info = info;
        this.cache = cache;
        this.originalOut = originalOut;
    }

    /** Starts the container; {@link #ready} tells when it answers. */
    static PrivateContainer start(Installation installation, Options options) {
        PrintStream originalOut = System.out;
        System.setOut(System.err);
        Path cache = installation.cache().resolve("cli-" + ProcessHandle.current().pid());
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        int port = TaskCli.freePort(host);
        PrivateContainer started = new PrivateContainer(new Container(installation, options.at(host, port, cache)),
                new RuntimeInfo(ProcessHandle.current().pid(), host, port, "cli"), cache, originalOut);
        try {
            started.container.start();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /**
     * Waits until the container answers, then publishes its address in the installation, where other
     * {@code bin/task} commands find it.
     *
     * @return false when it stopped while starting (a signal stopped it)
     * @throws LaunchException when it runs but does not answer in time
     */
    boolean ready(InstanceLock lock) throws InterruptedException {
        if (!container.awaitHealthy(START_TIMEOUT)) {
            if (!container.running()) {
                return false;
            }
            throw new LaunchException("Cascadence did not start within " + START_TIMEOUT.toSeconds() + " s");
        }
        lock.publish(info);
        return true;
    }

    /**
     * Why a foreground command cannot start its own container when the installation is held by something other
     * than a running container: a process that has not said where it answers, or another command's private
     * container, whose API is its own. Empty when a container holds it: the command says what that one does.
     */
    static Optional<String> heldByOther(Installation installation, Optional<RuntimeInfo> owner) {
        if (owner.isEmpty()) {
            return Optional.of("Another Cascadence process holds " + installation.data() + "; stop it first");
        }
        if (owner.get().mode().equals("cli")) {
            return Optional.of("Another task command (pid " + owner.get().pid() + ") runs Cascadence from "
                    + installation.home() + " (task webhook, task pointer-sync or task watch-plugins); stop it "
                    + "first");
        }
        return Optional.empty();
    }

    /** Where its REST API answers. */
    RuntimeInfo info() {
        return info;
    }

    /** A client of its REST API with the launcher's token, which no api_tokens setting refuses. */
    RestClient client() {
        return new RestClient(info.baseUrl(), container.launcherToken());
    }

    String launcherToken() {
        return container.launcherToken();
    }

    /** How long to wait for the UME bundle to list the transport on {@code /health}. */
    private static final Duration TRANSPORT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a listed transport may take to connect before the command goes on without it. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(5);

    /**
     * Before a one-shot command: when an event transport is configured, waits (as {@link #awaitTransport}) until
     * it is up, so that the command's events have somewhere to go before the container stops again.
     */
    void awaitConfiguredTransport() throws InterruptedException {
        RestClient api = client();
        String transport = ConfigReport.value(api.get("/config", Map.of()), "io.cascadence.transport",
                "ume_transport").orElse("").strip();
        if (!transport.isEmpty()) {
            try {
                awaitTransport(api, transport);
            } catch (LaunchException e) {
                // No UME bundle to send them: the command runs all the same.
            }
        }
    }

    /**
     * The transport's entry of {@code GET /health}, once the UME bundle lists it and it has connected or is
     * misconfigured, or a few seconds after it is listed (a server that is down now is reached later).
     */
    static JsonNode awaitTransport(RestClient api, String transport) throws InterruptedException {
        long deadline = System.nanoTime() + TRANSPORT_TIMEOUT.toNanos();
        long listedBy = 0;
        while (true) {
            JsonNode state = api.get("/health", Map.of()).path("transports").path(transport);
            if (!state.isMissingNode()) {
                String now = state.path("state").asText();
                if (listedBy == 0) {
                    listedBy = System.nanoTime() + CONNECT_WAIT.toNanos();
                }
                if (now.equals("connected") || now.equals("misconfigured") || System.nanoTime() > listedBy) {
                    return state;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchException("GET /health does not list the UME transport " + transport + " after "
                        + TRANSPORT_TIMEOUT.toSeconds() + " s; is the io.cascadence.ume bundle active?");
            }
            Thread.sleep(100);
        }
    }

    /** Serves until the process is told to stop, or the container stops by itself. */
    void serveUntil(StopSignal stop) {
        while (!stop.await(Duration.ofSeconds(1)) && container.running()) {
            // serving
        }
    }

    @Override
    public void close() {
        try {
            container.stop(STOP_TIMEOUT);
        } finally {
            System.setOut(originalOut);
            TaskCli.deleteTree(cache);
            TaskCli.deleteTree(cache.resolveSibling(cache.getFileName() + "-tmp"));
        }
    }
}
