package io.cascadence.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import io.cascadence.launcher.Container;
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
 * call, so both paths behave alike.
 */
public final class TaskCli {

    private static final Duration OWNER_WAIT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private TaskCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("help") || args[0].equals("-h"))) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println(CommandLine.USAGE);
            err.println();
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            Installation installation = Installation.fromSystemProperty();
            installation.prepare();
            execute(installation, line, out, err);
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

    private static void execute(Installation installation, CommandLine line, PrintStream out, PrintStream err)
            throws InterruptedException {
        long deadline = System.nanoTime() + OWNER_WAIT.toNanos();
        while (true) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(installation);
            if (lock.isPresent()) {
                try (InstanceLock owned = lock.get()) {
                    runStandalone(installation, owned, line, out, err);
                }
                return;
            }
            Optional<RuntimeInfo> owner = InstanceLock.readPublished(installation);
            if (owner.isPresent()) {
                // Another command's private container is not where n8n would reach this installation.
                String address = owner.get().mode().equals("cli") ? Main.configuredBaseUrl(System.getenv())
                        : owner.get().baseUrl();
                new Commands(new RestClient(owner.get().baseUrl()), out, err, false, address).execute(line);
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
            PrintStream out, PrintStream err) throws InterruptedException {
        // The container's own logging (FileInstall writes to stdout) must not mix with the command's output.
        PrintStream originalOut = System.out;
        System.setOut(System.err);
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Path cache = installation.cache().resolve("cli-" + ProcessHandle.current().pid());
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        int port = freePort(host);
        Container container = new Container(installation, new ContainerOptions(host, port, false, cache, false));
        try {
            container.start();
            RuntimeInfo info = new RuntimeInfo(ProcessHandle.current().pid(), host, port, "cli");
            if (!container.awaitHealthy(START_TIMEOUT)) {
                throw new LaunchException("Cascadence did not start within " + START_TIMEOUT.toSeconds() + " s");
            }
            lock.publish(info);
            new Commands(new RestClient(info.baseUrl()), out, err, true, Main.configuredBaseUrl(System.getenv()))
                    .execute(line);
        } finally {
            container.stop(Duration.ofSeconds(30));
            System.setOut(originalOut);
            deleteTree(cache);
            deleteTree(cache.resolveSibling(cache.getFileName() + "-tmp"));
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("No free local port for the command line's private container: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
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
