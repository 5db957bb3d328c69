package io.cascadence.core.impl.config;

import java.nio.file.Path;
import java.util.Map;

/** What the configuration watch asks of ConfigAdmin and FileInstall; {@link ConfigAdminStore} in the container. */
interface ConfigStore {

    /** The properties ConfigAdmin holds for a PID, or {@code null} when it holds no configuration for it. */
    Map<String, Object> read(String pid);

    /** Creates an empty configuration for a PID that has none, visible to every bundle. */
    void createEmpty(String pid);

    /**
     * Stores the PID's configuration again unchanged, so that ConfigAdmin tells its consumers and runs the
     * ConfigurationPlugins again: how a change of the YAML file reaches the bundles.
     */
    void republish(String pid);

    /** Has FileInstall apply a file of {@code config/} again, as if it had just changed. */
    void reapply(Path file);
}
