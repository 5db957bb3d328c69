package io.cascadence.core.impl.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import io.cascadence.api.config.ConfigSource;

/**
 * The YAML configuration file ({@code CASCADENCE_CONFIG}). It remembers the last good content so that a
 * malformed edit is reported and changes nothing.
 */
final class YamlConfigFile {

    private final Path path;
    private final boolean explicit;
    private Map<String, Object> lastGood = Map.of();
    /** Nothing read yet: differs from every stamp, including the null of a missing file. */
    private static final Object NEVER_READ = new Object();

    private Object lastStamp = NEVER_READ;
    private String problem;

    /**
     * @param path the file
     * @param explicit whether the user named it (then its absence is a problem worth reporting)
     */
    YamlConfigFile(Path path, boolean explicit) {
        this.path = Objects.requireNonNull(path);
        this.explicit = explicit;
    }

    Path path() {
        return path;
    }

    /** Re-reads the file if it changed since the last call; returns whether anything changed. */
    synchronized boolean refresh() {
        Object stamp = stamp();
        if (Objects.equals(stamp, lastStamp)) {
            return false;
        }
        lastStamp = stamp;
        if (stamp == null) {
            lastGood = Map.of();
            problem = explicit ? "CASCADENCE_CONFIG names " + path + ", which does not exist; no YAML values apply"
                    : null;
            return true;
        }
        try {
            lastGood = read();
            problem = null;
        } catch (IOException | YAMLException | IllegalArgumentException e) {
            problem = path + ": cannot be read (" + describe(e) + "); keeping its previous values";
        }
        return true;
    }

    synchronized ConfigLayer layer() {
        return new ConfigLayer(ConfigSource.YAML, path.toString(), lastGood);
    }

    /** The file, for reports, when it is in use (named by the user, or present at the default place). */
    synchronized String inUse() {
        return explicit || (lastStamp != null && lastStamp != NEVER_READ) ? path.toString() : null;
    }

    /** The problem found at the last refresh, or an empty list. */
    synchronized List<String> problems() {
        return problem == null ? List.of() : List.of(problem);
    }

    private Map<String, Object> read() throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (document == null) {
                return Map.of();
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("expected a mapping of keys to values at the top level");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
            return values;
        }
    }

    private Object stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return List.of(attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    private static String describe(Exception e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblem() + " at line " + (marked.getProblemMark().getLine() + 1) + ", column "
                    + (marked.getProblemMark().getColumn() + 1);
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }
}
