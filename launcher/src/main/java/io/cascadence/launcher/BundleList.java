package io.cascadence.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code system/bundles.list}: the container's bundles in start order, one jar name per line. Lines after
 * {@code [shell]} are the Gogo shell, installed only when the container runs in a terminal.
 *
 * @param always jars always started, in order
 * @param shell jars started only for an interactive shell
 */
public record BundleList(List<Path> always, List<Path> shell) {

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
            Path jar = systemDir.resolve(line);
            if (!Files.isRegularFile(jar)) {
                throw new LaunchException(file + " lists " + line + ", which is not in " + systemDir);
            }
            current.add(jar);
        }
        return new BundleList(List.copyOf(always), List.copyOf(shell));
    }
}
