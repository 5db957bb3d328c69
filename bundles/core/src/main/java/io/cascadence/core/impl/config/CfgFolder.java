package io.cascadence.core.impl.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code config/} holds, grouped the way FileInstall maps files to configurations: {@code <pid>.cfg} and
 * {@code <pid>.config} both configure {@code <pid>} (a name with a {@code -} is the factory configuration
 * {@code <factoryPid>-<name>}). Within a group, files are in the order FileInstall reads them at start (by name,
 * so {@code .cfg} before {@code .config}).
 */
final class CfgFolder {

    /** The files FileInstall applies; the launcher gives it the same filter. */
    static final Pattern FILES = Pattern.compile(".*\\.(cfg|config)");

    private static final Logger LOG = LoggerFactory.getLogger(CfgFolder.class);

    /**
     * Factory PIDs of Cascadence's bundles (the webhook sources of the web bundle): their configurations are
     * {@code <factoryPid>-<name>.cfg} files that reach those bundles as written, outside the catalogue of keys.
     */
    static final Set<String> FACTORY_PIDS = Set.of("io.cascadence.webhook");

    private final Map<String, List<Path>> byName;

    private CfgFolder(Map<String, List<Path>> byName) {
        this.byName = byName;
    }

    static CfgFolder of(List<Path> files) {
        Map<String, List<Path>> byName = new TreeMap<>();
        files.stream()
                .filter(f -> FILES.matcher(f.getFileName().toString()).matches())
                .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                .forEach(f -> byName.computeIfAbsent(name(f), n -> new ArrayList<>()).add(f));
        byName.replaceAll((name, list) -> List.copyOf(list));
        return new CfgFolder(byName);
    }

    static CfgFolder scan(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return of(listing.filter(Files::isRegularFile).map(Path::toAbsolutePath).toList());
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", directory, e.toString());
            return of(List.of());
        }
    }

    /** The configuration a file sets: its name without the extension, as FileInstall takes it. */
    static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The configurations that have files: PIDs, and factory configurations as {@code factoryPid-name}. */
    Set<String> names() {
        return byName.keySet();
    }

    /** The files for one configuration, in FileInstall's order; usually one. */
    List<Path> files(String name) {
        return byName.getOrDefault(name, List.of());
    }

    boolean contains(Path file) {
        return files(name(file)).contains(file);
    }

    /**
     * A second file for the same configuration, naming both; and a file for an {@code io.cascadence} PID that
     * nothing reads (a typo in the name keeps its values from applying).
     *
     * @param owners which file of a configuration is in force
     * @param knownPids the PIDs Cascadence reads
     */
    List<String> problems(CfgOwners owners, Set<String> knownPids) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Path>> group : byName.entrySet()) {
            Path owner = owners.owner(group.getKey());
            for (Path file : group.getValue()) {
                if (owner != null && !file.equals(owner)) {
                    problems.add(file + " is a second file for PID " + group.getKey() + " beside " + owner
                            + ", whose values are in force; it is ignored: keep one file per PID");
                }
            }
            String name = group.getKey();
            if (FACTORY_PIDS.contains(name)) {
                problems.add(group.getValue().get(0) + " configures " + name + " without a name, but it takes one "
                        + "file per instance: name it " + name + "-<name>.cfg (such as " + name + "-github.cfg)");
            } else if (name.startsWith("io.cascadence") && name.indexOf('-') < 0 && !knownPids.contains(name)) {
                problems.add(group.getValue().get(0) + " configures PID " + name + ", which Cascadence does not "
                        + "read; its PIDs are " + String.join(", ", knownPids));
            }
        }
        return problems;
    }
}
