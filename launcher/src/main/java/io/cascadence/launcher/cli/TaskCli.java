package io.cascadence.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.cascadence.launcher.ContainerOptions;
import io.cascadence.launcher.InstanceLock;
import io.cascadence.launcher.Installation;
import io.cascadence.launcher.LaunchException;
import io.cascadence.launcher.Main;
import io.cascadence.launcher.RuntimeInfo;

/**
 * {@code bin/task}. When a process owns the installation (the container, normally), the command goes to its REST
 * API. Otherwise this process takes ownership, starts the container's parts itself without a shell, on a private
 * loopback port, runs the command against that, and stops them again. Either way the command is the same REST
 * call, so both paths behave alike. {@link #run(String...)} runs a command in the calling JVM and returns its exit
 * status, for programs and tests.
 */
public final class TaskCli {

    /** The environment variable {@code --token} defaults to. */
    static final String TOKEN_ENV = "CASCADENCE_API_TOKEN";
    private static final String TOKEN_OPTION = "--token";

    private static final Duration OWNER_WAIT = Duration.ofSeconds(60);

    private TaskCli() {
    }

    /** The process entry of {@code bin/task}: runs the command and exits with its status. */
    public static void main(String[] args) {
        StopSignal stop = new StopSignal(true);
        int status = run(args, System.out, System.err, stop);
        stop.finished(status);
        System.exit(status);
    }

    /**
     * Runs one {@code bin/task} command in this JVM, as the process would, and returns its exit status instead of
     * exiting: 0 done, 1 refused or failed ({@code error: <message>} on {@code System.err}), 2 a usage error
     * (the usage on {@code System.err}; {@code run()} with no arguments is one: "Missing command."). Output goes
     * to {@code System.out}. The installation is named by the system property {@code cascadence.home}, as
     * {@code bin/task} sets it; without it a command fails with 1, while usage and {@code --help} still answer.
     * {@code watch-plugins} returns once the JVM is told to stop.
     *
     * @param args the command line, as after {@code bin/task}: {@code run("list")}, {@code run("run", "hello")}
     * @return the exit status
     */
    public static int run(String... args) {
        return run(args, System.out, System.err);
    }

    /**
     * {@link #run(String...)} with the command's output and its messages going to {@code out} and {@code err}.
     *
     * @return the exit status: 0, 1 or 2
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        StopSignal stop = new StopSignal(false);
        int status = run(args, out, err, stop);
        stop.finished(status);
        return status;
    }

    static int run(String[] args, PrintStream out, PrintStream err, StopSignal stop) {
        CommandLine line;
        GlobalOptions global;
        try {
            global = GlobalOptions.parse(args);
            String[] rest = global.rest().toArray(String[]::new);
            if (rest.length == 1 && (rest[0].equals("--help") || rest[0].equals("help") || rest[0].equals("-h"))) {
                out.println(CommandLine.USAGE);
                return 0;
            }
            Optional<String> help = help(rest);
            if (help.isPresent()) {
                out.println(help.get());
                return 0;
            }
            line = CommandLine.parse(rest);
        } catch (CommandLine.UsageException e) {
            err.println(CommandLine.USAGE);
            err.println();
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (line.command().equals("webhook")) {
            return WebhookCommand.run(line, global, out, err, stop);
        }
        if (line.command().equals("pointer-sync")) {
            return PointerSyncCommand.run(line, global, out, err, stop);
        }
        try {
            checkLocally(line);
            Installation installation = Installation.fromSystemProperty();
            installation.prepare();
            execute(installation, line, global, out, err, stop);
            return 0;
        } catch (RestClient.CommandFailedException | LaunchException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    /**
     * {@code task COMMAND --help} (or {@code -h}) and {@code task help COMMAND}: the command's own help, or the
     * usage for a command without one.
     */
    static Optional<String> help(String[] args) {
        if (args.length == 2 && args[0].equals("help") && CommandLine.known(args[1])) {
            return Optional.of(CommandHelp.of(args[1]).orElse(CommandLine.USAGE));
        }
        if (args.length >= 2 && CommandLine.known(args[0])) {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    return Optional.of(CommandHelp.of(args[0]).orElse(CommandLine.USAGE));
                }
            }
        }
        return Optional.empty();
    }

    /** What can be refused before any container is asked (or started): a folder to watch that is not one. */
    private static void checkLocally(CommandLine line) {
        if (line.command().equals("watch-plugins")) {
            Path folder = Path.of(line.arguments().get(0)).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
                throw new RestClient.CommandFailedException("path '" + line.arguments().get(0) + "' is not a "
                        + "readable directory");
            }
        }
    }

    private static void execute(Installation installation, CommandLine line, GlobalOptions global, PrintStream out,
            PrintStream err, StopSignal stop) throws InterruptedException {
        long deadline = System.nanoTime() + OWNER_WAIT.toNanos();
        while (true) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(installation);
            if (lock.isPresent()) {
                try (InstanceLock owned = lock.get()) {
                    runStandalone(installation, owned, line, global, out, err, stop);
                }
                return;
            }
            Optional<RuntimeInfo> owner = InstanceLock.readPublished(installation);
            if (owner.isPresent()) {
                RestClient client = new RestClient(owner.get().baseUrl(), token(line, System.getenv()));
                if (global.metricsPort() > 0) {
                    err.println(MetricsNotice.forRunning(owner.get(), global.metricsPort(),
                            MetricsNotice.metricsPortOf(client)));
                }
                if (!global.settings().isEmpty()) {
                    err.println(global.transportNotice(owner.get()));
                }
                // Another command's private container is not where n8n would reach this installation.
                String address = owner.get().mode().equals("cli") ? Main.configuredBaseUrl(System.getenv())
                        : owner.get().baseUrl();
                new Commands(client, out, err, false, address).untilStopped(stop).execute(line);
                return;
            }
            // The owner is still starting (or just stopping): its address appears once HTTP answers.
            if (System.nanoTime() > deadline) {
                throw new LaunchException("Another Cascadence process holds " + installation.data()
                        + " but does not answer; is it stuck? (" + OWNER_WAIT.toSeconds() + " s waited)");
            }
            Thread.sleep(100);
        }
    }

    private static void runStandalone(Installation installation, InstanceLock lock, CommandLine line,
            GlobalOptions global, PrintStream out, PrintStream err, StopSignal stop) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        try (PrivateContainer container = PrivateContainer.start(installation, (host, port, cache) ->
                new ContainerOptions(host, port, false, cache, false, global.metricsPort(), null, 0,
                        global.settings()))) {
            if (!container.ready(lock)) {
                throw new LaunchException("Cascadence stopped while it started");
            }
            container.awaitConfiguredTransport();
            // The private container knows the launcher's token, so no user token is needed; one given is sent
            // instead, for the identity it may be bound to.
            String token = token(line, System.getenv());
            new Commands(new RestClient(container.info().baseUrl(), token != null ? token
                    : container.launcherToken()), out, err, true, Main.configuredBaseUrl(System.getenv()))
                    .untilStopped(stop).execute(line);
        }
    }

    /** The API token to send: {@code --token}, else {@code CASCADENCE_API_TOKEN}, else none. */
    static String token(CommandLine line, Map<String, String> environment) {
        String token = line.options().get("token");
        if (token == null) {
            token = environment.get(TOKEN_ENV);
        }
        return token == null || token.isBlank() ? null : token.strip();
    }

    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("No free local port for the command line's private container: "
                    + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover cache folder is harmless: it is wiped at the next start that uses it.
        }
    }
}
