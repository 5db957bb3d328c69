package io.cascadence.core.impl.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConfigStore} over ConfigAdmin and FileInstall. Configurations are created with the location {@code ?} (any
 * bundle), as FileInstall creates them, so that the bundle reading the PID receives them whichever created them.
 *
 * <p>It remembers the highest change count it has seen for each PID. Declarative Services ignores an update whose
 * change count is not above the last one it applied for the PID, and when the event of a deleted configuration
 * reaches it after a new configuration for the same PID exists, it keeps the old count: the new configuration's
 * first updates would then never reach the bundle. So a configuration created here is updated until its change
 * count is above every count seen for its PID.
 */
final class ConfigAdminStore implements ConfigStore {

    /** Any bundle may receive the configuration. */
    private static final String ANY_BUNDLE = "?";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminStore.class);

    private final ConfigurationAdmin configAdmin;
    private final Collection<ArtifactInstaller> installers;
    /** The highest change count seen for each PID, across the configurations that held it. */
    private final Map<String, Long> changeCounts = new ConcurrentHashMap<>();

    /** @param installers FileInstall's artifact installers, as they come and go */
    ConfigAdminStore(ConfigurationAdmin configAdmin, Collection<ArtifactInstaller> installers) {
        this.configAdmin = configAdmin;
        this.installers = installers;
    }

    @Override
    public Map<String, Object> read(String pid) {
        Configuration configuration = find(pid);
        Dictionary<String, Object> properties = configuration == null ? null : configuration.getProperties();
        return properties == null ? null : toMap(properties);
    }

    @Override
    public void createEmpty(String pid) {
        try {
            Configuration configuration = configAdmin.getConfiguration(pid, ANY_BUNDLE);
            if (configuration.getProperties() == null) {
                configuration.update(new Hashtable<>());
                long floor = changeCounts.getOrDefault(pid, 0L);
                while (configuration.getChangeCount() <= floor) {
                    configuration.update(configuration.getProperties());
                }
                seen(pid, configuration);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Cannot create an empty configuration for {}: {}", pid, e.toString());
        }
    }

    @Override
    public void republish(String pid) {
        Configuration configuration = find(pid);
        Dictionary<String, Object> properties = configuration == null ? null : configuration.getProperties();
        if (properties == null) {
            return;
        }
        try {
            configuration.update(properties); // a new change count: ConfigAdmin and SCR deliver it again
            seen(pid, configuration);
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Cannot hand configuration {} to its bundle again: {}", pid, e.toString());
        }
    }

    @Override
    public void reapply(Path file) {
        File artifact = file.toFile();
        ArtifactInstaller installer = installers.stream().filter(i -> i.canHandle(artifact)).findFirst().orElse(null);
        if (installer == null) {
            LOG.warn("Cannot read {} again: FileInstall is not running", file);
            return;
        }
        try {
            installer.update(artifact);
            keepFileName(CfgFolder.name(file), artifact);
        } catch (Exception e) { // FileInstall's interface declares Exception
            LOG.warn("Cannot read {} again: {}", file, e.toString());
        }
    }

    /**
     * FileInstall leaves a configuration alone when the file's values equal the ones it holds, even when they came
     * from another file; then the configuration is told which file it now belongs to, as FileInstall would have.
     */
    private void keepFileName(String pid, File artifact) throws IOException {
        Configuration configuration = find(pid);
        Dictionary<String, Object> properties = configuration == null ? null : configuration.getProperties();
        String name = artifact.getAbsoluteFile().toURI().toString(); // FileInstall's spelling, which it looks up
        if (properties != null && !name.equals(properties.get(Configurations.FILENAME))) {
            properties.put(Configurations.FILENAME, name);
            configuration.update(properties);
            seen(pid, configuration);
        }
    }

    private Configuration find(String pid) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + escape(pid) + ")");
            if (found == null || found.length == 0) {
                return null;
            }
            seen(pid, found[0]);
            return found[0];
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Cannot look configuration {} up: {}", pid, e.toString());
            return null;
        }
    }

    private void seen(String pid, Configuration configuration) {
        changeCounts.merge(pid, configuration.getChangeCount(), Math::max);
    }

    static Map<String, Object> toMap(Dictionary<String, ?> properties) {
        Map<String, Object> map = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, properties.get(key));
        }
        return map;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
