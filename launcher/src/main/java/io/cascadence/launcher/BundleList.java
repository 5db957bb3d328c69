package io.cascadence.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code system/bundles.list}: the container's bundles in start order, one jar name per line. A jar followed by
 * {@code &} starts on its own thread, beside the bundles after it (start-up waits for it before it is done).
 * Lines after {@code [shell]} are the Gogo shell, installed only when the container runs in a terminal.
 *
 * @param always jars always started, in order
 * @param background those of {@code always} that start on their own thread
 * @param shell jars started only for an interactive shell
 */
public record BundleList(List<Path> always, Set<Path> background, List<Path> shell) {

    public static final String FILE_NAME = "bundles.list";
    private static final String SHELL_SECTION = "[shell]";

    public static BundleList read(Path systemDir) {
        Path file = systemDir.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Path> always = new ArrayList<>();
        Set<Path> background = new HashSet<>();
        List<Path> shell = new ArrayList<>();
        List<Path> current = always;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals(SHELL_SECTION)) {
                current = shell;
                continue;
            }
            boolean parallel = line.endsWith("&");
            String name = parallel ? line.substring(0, line.length() - 1).strip() : line;
            Path jar = systemDir.resolve(name);
            if (!Files.isRegularFile(jar)) {
                throw new LaunchException(file + " lists " + name + ", which is not in " + systemDir);
            }
            current.add(jar);
            if (parallel) {
                background.add(jar);
            }
        }
        return new BundleList(List.copyOf(always), Set.copyOf(background), List.copyOf(shell));
    }
}
