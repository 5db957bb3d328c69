package io.cascadence.core.impl.plugins;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link PluginFolder} asks of the framework. Bundles are named by their id; a plugin bundle's location is
 * the URI of its file in {@code plugins/} (or a folder added to it), which is how {@code GET /health} tells plugins
 * from the container.
 */
interface BundleInstaller {

    /** The plugin bundles installed now, by location (also those installed before the folder was first scanned). */
    Map<String, Long> installed();

    /**
     * Installs the bundle in {@code content} under {@code location}. Two bundles of one symbolic name may be
     * installed for a moment, while one takes over from the other.
     *
     * @return the new bundle's id
     */
    long install(String location, Path content) throws InstallFailure;

    /** Replaces the bundle's content; it stays installed under its location and keeps running if it ran. */
    void update(long id, Path content) throws InstallFailure;

    void start(long id) throws InstallFailure;

    void uninstall(long id) throws InstallFailure;

    /**
     * Counts the bundles installed from files of {@code folder} as plugins from now on, also once the folder is no
     * longer deployed, so that what was installed from it can still be uninstalled.
     */
    void watch(Path folder);

    /** Lets go of the old code of updated and uninstalled bundles, and waits until that is done. */
    void refresh();

    /** The framework refused an operation; the message says why, for the user. */
    final class InstallFailure extends Exception {

        private static final long serialVersionUID = 1L;

        InstallFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
