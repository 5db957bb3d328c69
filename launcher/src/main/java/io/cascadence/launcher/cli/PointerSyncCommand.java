package io.cascadence.launcher.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.launcher.ContainerOptions;
import io.cascadence.launcher.InstanceLock;
import io.cascadence.launcher.Installation;
import io.cascadence.launcher.LaunchException;
import io.cascadence.launcher.RuntimeInfo;

/**
 * {@code bin/task pointer-sync}: the original's pointer sync service ({@code python -m
 * task_cascadence.pointer_sync}). It starts the container's parts, as every command does without a running
 * container, with {@code ume_pointer_sync} on, so that the pointer updates other installations send over the UME
 * transport are stored here (and re-sent when {@code ume_broadcast_pointers} is on), says over what, and runs until
 * Ctrl-C or SIGTERM. The transport is the configuration's, or the global options'. Without one it exits with 1 at
 * once, as the original did. A running container does pointer sync itself when its configuration says so: this
 * says how, and exits with 1.
 */
final class PointerSyncCommand {

    static final String NO_TRANSPORT = "no UME transport is configured: set UME_TRANSPORT (nats or grpc) or pass "
            + "--transport";

    private static final String PID = "io.cascadence.transport";
    /** The UME bundle reports the transport on /health once it has applied the configuration. */

    private PointerSyncCommand() {
    }

    /**
     * @param line the command: {@code --token} is sent to a running container, to read its configuration
     * @param global the options before the command: the transport's and {@code --metrics-port}
     * @param stop told when the process is to stop: the command then stops what it started and returns 0
     * @return the exit status: 0 after Ctrl-C or SIGTERM, 1 when it cannot sync
     */
    static int run(CommandLine line, GlobalOptions global, PrintStream out, PrintStream err, StopSignal stop) {
        try {
            Installation installation = Installation.fromSystemProperty();
            installation.prepare();
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(installation);
            if (lock.isEmpty()) {
                throw new LaunchException(alreadySyncing(installation, TaskCli.token(line, System.getenv())));
            }
            try (InstanceLock owned = lock.get()) {
                serve(installation, owned, global, out, err, stop);
            }
            return 0;
        } catch (LaunchException | RestClient.CommandFailedException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void serve(Installation installation, InstanceLock lock, GlobalOptions global, PrintStream out,
            PrintStream err, StopSignal stop) throws InterruptedException {
        Map<String, String> settings = new HashMap<>(global.settings());
        settings.put("UME_POINTER_SYNC", "true");
        try (PrivateContainer container = PrivateContainer.start(installation, (host, port, cache) ->
                new ContainerOptions(host, port, false, cache, false, global.metricsPort(), null, 0, settings))) {
            if (!container.ready(lock)) {
                return; // stopped by a signal while starting
            }
            RestClient api = container.client();
            JsonNode config = api.get("/config", Map.of());
            String transport = ConfigReport.value(config, PID, "ume_transport").orElse("").strip();
            if (transport.isEmpty()) {
                throw new LaunchException(NO_TRANSPORT);
            }
            JsonNode state = PrivateContainer.awaitTransport(api, transport);
            String error = state.path("last_error").asText("");
            if (state.path("state").asText().equals("misconfigured")) {
                throw new LaunchException("the UME transport " + transport + " is misconfigured: " + error);
            }
            out.println(describe(transport, state.path("target").asText(""), config) + "; Ctrl-C stops");
            out.flush();
            if (!state.path("state").asText().equals("connected")) {
                err.println("note: the " + transport + " transport is " + state.path("state").asText()
                        + (error.isEmpty() ? "" : " (" + error + ")") + "; pointer updates arrive once it connects");
            }
            container.serveUntil(stop);
        }
    }

    /**
     * Pointer sync over nats://127.0.0.1:4222 subject events (broadcast off). {@code target} is the transport's
     * own description on {@code /health} (server and subject, or target and method), or empty before it has one.
     */
    static String describe(String transport, String target, JsonNode config) {
        boolean nats = transport.equals("nats");
        String where = "";
        if (target.isEmpty()) {
            target = ConfigReport.value(config, PID, nats ? "ume_nats_conn" : "ume_grpc_stub").orElse("");
            where = nats ? " subject " + ConfigReport.value(config, PID, "ume_nats_subject").orElse("events")
                    : " method " + ConfigReport.value(config, PID, "ume_grpc_method").orElse("Send");
        }
        boolean broadcast = Boolean.parseBoolean(ConfigReport.value(config, PID, "ume_broadcast_pointers")
                .orElse("false").strip());
        return "Pointer sync over " + (target.isEmpty() ? transport : target) + where + " (broadcast "
                + (broadcast ? "on" : "off") + ")";
    }

    /** What to say when the installation is held: a running container syncs pointers itself when told to. */
    private static String alreadySyncing(Installation installation, String token) {
        Optional<RuntimeInfo> owner = InstanceLock.readPublished(installation);
        Optional<String> other = PrivateContainer.heldByOther(installation, owner);
        if (other.isPresent()) {
            return other.get();
        }
        String now = "";
        try {
            JsonNode config = new RestClient(owner.get().baseUrl(), token).get("/config", Map.of());
            now = ConfigReport.value(config, PID, "ume_pointer_sync")
                    .map(v -> "; it is " + (Boolean.parseBoolean(v.strip()) ? "on" : "off") + " there now").orElse("");
        } catch (RuntimeException e) {
            // what to do matters; what it is set to now is a courtesy
        }
        return "Cascadence is already running from " + installation.home() + " (pid " + owner.get().pid()
                + ") and does pointer sync itself when ume_pointer_sync = true is set in "
                + "config/io.cascadence.transport.cfg (applied while it runs)" + now;
    }
}
