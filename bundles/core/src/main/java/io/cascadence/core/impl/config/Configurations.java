package io.cascadence.core.impl.config;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import io.cascadence.api.config.ConfigSource;

/**
 * Every PID's effective configuration and what it is built from: the configuration ConfigAdmin holds for the PID
 * (its cfg layer), the YAML file and the environment. Whoever learns of a change (the ConfigurationPlugin, the
 * ConfigurationListener, the YAML watch) tells this one object, which rebuilds the PIDs concerned, so that a
 * bundle and {@code GET /config} always see the same values. Plain Java; thread-safe.
 */
final class Configurations {

    /** The property FileInstall sets to the file a configuration came from. */
    static final String FILENAME = "felix.fileinstall.filename";

    private final Path configDirectory;
    private final Path dataDirectory;
    private final YamlConfigFile yaml;
    private final ConfigLayer environment;
    private final CfgOwners owners;
    private final BiConsumer<EffectiveConfig, EffectiveConfig> changes;
    private final Map<ConfigPid, ConfigLayer> cfg = new EnumMap<>(ConfigPid.class);
    private final Map<ConfigPid, Path> files = new EnumMap<>(ConfigPid.class);
    private final Map<ConfigPid, String> refusals = new EnumMap<>(ConfigPid.class);
    private final Map<ConfigPid, ResolvedConfig> resolved = new EnumMap<>(ConfigPid.class);
    private List<String> folderProblems = List.of();
    private volatile EffectiveConfig current;

    /**
     * @param changes told of every new effective configuration, with the one before it ({@code null} at first)
     */
    Configurations(Path configDirectory, Path dataDirectory, YamlConfigFile yaml, Map<String, String> environment,
            CfgOwners owners, BiConsumer<EffectiveConfig, EffectiveConfig> changes) {
        this.configDirectory = configDirectory.toAbsolutePath().normalize();
        this.dataDirectory = dataDirectory;
        this.yaml = yaml;
        this.environment = new ConfigLayer(ConfigSource.ENVIRONMENT, null, Map.copyOf(environment));
        this.owners = owners;
        this.changes = changes;
        yaml.refresh();
        for (ConfigPid pid : ConfigPid.values()) {
            cfg.put(pid, ConfigLayer.empty(ConfigSource.CFG));
        }
        rebuild(Set.of(ConfigPid.values()));
    }

    EffectiveConfig current() {
        return current;
    }

    /**
     * ConfigAdmin holds these properties for the PID now. They become its cfg layer unless they come from a second
     * file for the PID, or from a file outside {@code config/}: then the layer in force stays and the answer is
     * false.
     */
    synchronized boolean accept(ConfigPid pid, Map<String, ?> properties) {
        Path file = fileOf(properties);
        if (file != null && !file.startsWith(configDirectory)) {
            refuse(pid, "configuration for PID " + pid.pid() + " comes from " + file + ", outside " + configDirectory
                    + "; it is ignored: configuration is read from config/ only");
            return false;
        }
        if (file != null && !owners.claim(pid.pid(), file)) {
            return false; // a second file; the folder's problems name both
        }
        boolean wasRefused = refusals.remove(pid) != null;
        ConfigLayer layer = new ConfigLayer(ConfigSource.CFG, file != null ? file.toString() : "ConfigAdmin "
                + pid.pid(), Map.copyOf(properties));
        if (wasRefused || !layer.equals(cfg.get(pid))) {
            cfg.put(pid, layer);
            files.put(pid, file);
            rebuild(Set.of(pid));
        }
        return true;
    }

    /** ConfigAdmin deleted the PID's configuration. Its values stay while their file is there to be read again. */
    synchronized void removed(ConfigPid pid) {
        Path file = files.get(pid);
        if (file == null || !Files.exists(file)) {
            cfg.put(pid, ConfigLayer.empty(ConfigSource.CFG));
            files.remove(pid);
            rebuild(Set.of(pid));
        }
    }

    /** Re-reads the YAML file if it changed; returns the PIDs whose values changed for their bundles. */
    synchronized Set<ConfigPid> refreshYaml() {
        if (!yaml.refresh()) {
            return Set.of();
        }
        Map<ConfigPid, ResolvedConfig> before = new EnumMap<>(resolved);
        rebuild(Set.of(ConfigPid.values()));
        Set<ConfigPid> changed = new LinkedHashSet<>();
        before.forEach((pid, old) -> {
            if (!resolved.get(pid).sameValues(old)) {
                changed.add(pid);
            }
        });
        return changed;
    }

    /** What the last look at {@code config/} found wrong. */
    synchronized void folderProblems(List<String> problems) {
        if (!problems.equals(folderProblems)) {
            folderProblems = List.copyOf(problems);
            publish();
        }
    }

    /** The file whose values are in force for a PID, or {@code null}. */
    synchronized Path file(ConfigPid pid) {
        return files.get(pid);
    }

    static Path fileOf(Map<String, ?> properties) {
        Object name = properties.get(FILENAME);
        if (name == null) {
            return null;
        }
        try {
            return Path.of(URI.create(name.toString())).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Path.of(name.toString()).toAbsolutePath().normalize();
        }
    }

    private void refuse(ConfigPid pid, String problem) {
        if (!problem.equals(refusals.put(pid, problem))) {
            publish();
        }
    }

    private void rebuild(Set<ConfigPid> pids) {
        ConfigLayer yamlLayer = yaml.layer();
        for (ConfigPid pid : pids) {
            resolved.put(pid, ConfigResolver.resolve(pid, cfg.get(pid), yamlLayer, environment, resolved.get(pid)));
        }
        publish();
    }

    private void publish() {
        List<String> problems = new ArrayList<>(yaml.problems());
        problems.addAll(ConfigResolver.unknownYamlKeys(yaml.layer()));
        problems.addAll(folderProblems);
        problems.addAll(refusals.values());
        Map<ConfigPid, String> shownFiles = new EnumMap<>(ConfigPid.class);
        files.forEach((pid, file) -> shownFiles.put(pid, file == null ? null : file.toString()));
        EffectiveConfig previous = current;
        current = new EffectiveConfig(resolved, shownFiles, problems, dataDirectory, yaml.inUse());
        changes.accept(previous, current);
    }
}
