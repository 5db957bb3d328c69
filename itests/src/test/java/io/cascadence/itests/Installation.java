package io.cascadence.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private copy of the assembled installation (which also proves it runs from anywhere), with helpers to start
 * {@code bin/cascadence} and run {@code bin/task} in it as separate processes.
 */
final class Installation {

    private static final Path DIST = Path.of(System.getProperty("cascadence.dist"));
    private static final Path WORK = Path.of(System.getProperty("itest.work"));

    final Path home;
    final Map<String, String> environment = new HashMap<>();

    private Installation(Path home) {
        this.home = home;
    }

    /** Copies the assembled installation, without any cache or runtime files a manual run left behind. */
    static Installation copy(String name) {
        Path home = WORK.resolve(name + "-" + System.nanoTime());
        try {
            Files.createDirectories(home);
            Files.walkFileTree(DIST, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path relative = DIST.relativize(dir);
                    if (relative.startsWith("cache")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(home.resolve(relative.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path relative = DIST.relativize(file);
                    if (!(relative.startsWith("data") && file.getFileName().toString().startsWith("."))) {
                        Files.copy(file, home.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Installation installation = new Installation(home);
        installation.environment.put("CASCADENCE_HTTP_PORT", Integer.toString(freePort()));
        return installation;
    }

    int port() {
        return Integer.parseInt(environment.get("CASCADENCE_HTTP_PORT"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    Path config() {
        return home.resolve("config");
    }

    ContainerProcess start() {
        return ContainerProcess.start(this);
    }

    /** Runs {@code bin/task ARGS} to completion. */
    CommandResult task(String... args) {
        List<String> command = new ArrayList<>();
        command.add("bin/task");
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    /** Runs a program of the installation ({@code bin/...}) to completion, without a terminal. */
    CommandResult run(String... args) {
        return runWithInput("", args);
    }

    /** Like {@link #run}, with {@code input} as its standard input. */
    CommandResult runWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.set(0, home.resolve(args[0]).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().putAll(environment);
        try {
            Path in = Files.createTempFile(WORK, "stdin", ".txt");
            Files.writeString(in, input);
            builder.redirectInput(in.toFile());
            Path out = Files.createTempFile(WORK, "task-out", ".txt");
            Path err = Files.createTempFile(WORK, "task-err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " did not finish in 120 s");
            }
            return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Puts a file into place the way a careful user does: copy beside it, then rename over. */
    static void dropInto(Path source, Path target) {
        try {
            Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeAtomically(Path target, String content) {
        try {
            Path temporary = Files.createTempFile(WORK, "edit", ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or empty when it does not exist (yet). */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new temporary file under the tests' work folder (inside target/), so nothing is left in /tmp. */
    static Path tempFile(String prefix, String suffix) {
        try {
            Files.createDirectories(WORK);
            return Files.createTempFile(WORK, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record CommandResult(int exitCode, String stdout, String stderr) {
    }
}
