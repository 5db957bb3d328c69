package io.cascadence.core.impl.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Configurations} and ConfigAdmin in step with {@code config/}, the YAML file and the events
 * ConfigAdmin sends: every Cascadence PID has a configuration in ConfigAdmin (so its bundle gets the effective
 * values through the ConfigurationPlugin even without a file), a second file for a PID never stays in force, and a
 * change of the YAML file reaches the bundles. Its methods are called from one thread.
 */
final class ConfigWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatch.class);

    private final Path configDirectory;
    private final Configurations configurations;
    private final CfgOwners owners;
    private final ConfigStore store;
    private final Set<String> knownPids;
    private CfgFolder folder;

    ConfigWatch(Path configDirectory, Configurations configurations, CfgOwners owners, ConfigStore store) {
        this.configDirectory = configDirectory;
        this.configurations = configurations;
        this.owners = owners;
        this.store = store;
        this.knownPids = Arrays.stream(ConfigPid.values()).map(ConfigPid::pid)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        this.folder = CfgFolder.scan(configDirectory);
        owners.update(folder);
    }

    /**
     * Takes what ConfigAdmin holds after FileInstall's first scan, puts first files back in force, creates what is
     * missing, and stores every Cascadence PID once more so that a bundle configured before the ConfigurationPlugin
     * was there gets the effective values too.
     */
    void start() {
        for (ConfigPid pid : ConfigPid.values()) {
            read(pid);
        }
        configurations.folderProblems(folder.problems(owners, knownPids));
        reconcile(folder); // FileInstall's first scan has applied every file there is
        for (ConfigPid pid : ConfigPid.values()) {
            read(pid); // what the reconciliation put in place; ConfigAdmin stores synchronously
            store.republish(pid.pid());
        }
    }

    /** Once a second or so: the YAML file, then {@code config/}. */
    void tick() {
        for (ConfigPid pid : configurations.refreshYaml()) {
            LOG.debug("The YAML file changed {}; telling its bundle", pid.pid());
            store.republish(pid.pid());
        }
        reconcile(look());
    }

    /** ConfigAdmin changed or deleted a configuration. */
    void configurationChanged(String pid) {
        ConfigPid.of(pid).ifPresent(this::read);
        reconcile(look());
    }

    /** Looks at {@code config/} again; returns what it held the time before. */
    private CfgFolder look() {
        CfgFolder previous = folder;
        folder = CfgFolder.scan(configDirectory);
        owners.update(folder);
        configurations.folderProblems(folder.problems(owners, knownPids));
        return previous;
    }

    private void read(ConfigPid pid) {
        Map<String, Object> properties = store.read(pid.pid());
        if (properties == null) {
            configurations.removed(pid);
        } else {
            configurations.accept(pid, properties);
        }
    }

    /** @param settled the folder as it was a moment ago: its files are no longer FileInstall's to apply */
    private void reconcile(CfgFolder settled) {
        Set<String> names = new LinkedHashSet<>(knownPids);
        folder.names().stream().filter(n -> n.indexOf('-') < 0).forEach(names::add); // factories are FileInstall's
        for (String name : names) {
            Path owner = owners.owner(name);
            Map<String, Object> properties = store.read(name);
            Reconciler.Stored stored = properties == null ? Reconciler.Stored.absent()
                    : Reconciler.Stored.from(Configurations.fileOf(properties));
            Reconciler.Action action = Reconciler.decide(owner, owner != null && settled.contains(owner), stored,
                    folder, knownPids.contains(name));
            if (action instanceof Reconciler.Reapply reapply) {
                LOG.info("Configuration {} is read again from {}, the file in force for it", name, reapply.file());
                store.reapply(reapply.file());
            } else if (action instanceof Reconciler.CreateEmpty) {
                LOG.debug("Configuration {} has no file; an empty one carries defaults, YAML and environment", name);
                store.createEmpty(name);
            }
        }
    }
}
