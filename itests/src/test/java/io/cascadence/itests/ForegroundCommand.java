package io.cascadence.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/task} command that serves in the foreground until stopped ({@code task webhook},
 * {@code task pointer-sync}): its standard output line by line, its standard error in a file.
 */
final class ForegroundCommand {

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ForegroundCommand(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code bin/task ARGS} in the installation, its standard error going to {@code logName} there. */
    static ForegroundCommand start(Installation installation, String logName, String... args) {
        List<String> command = new ArrayList<>();
        command.add(installation.home.resolve("bin/task").toString());
        command.addAll(List.of(args));
        Path log = installation.home.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(installation.home.toFile())
                .redirectError(log.toFile());
        builder.environment().putAll(installation.environment);
        try {
            return new ForegroundCommand(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line it prints, or {@code null} when none comes within {@code seconds}. */
    String nextLine(int seconds) throws InterruptedException {
        return lines.poll(seconds, TimeUnit.SECONDS);
    }

    /** What it wrote to standard error so far. */
    String log() {
        return Installation.read(log);
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it; its exit status, or -1 when it did not end in 60 s. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
