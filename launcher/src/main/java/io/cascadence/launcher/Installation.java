package io.cascadence.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of a runnable installation. {@code bin/cascadence} and {@code bin/task} pass its root as the
 * system property {@code cascadence.home}.
 *
 * @param home the root
 * @param system framework and container bundles (read-only at run time)
 * @param config watched {@code *.cfg} files
 * @param plugins watched plugin bundles
 * @param data state the user must not lose
 * @param cache framework caches, safe to wipe while nothing runs
 */
public record Installation(Path home, Path system, Path config, Path plugins, Path data, Path cache) {

    public static final String HOME_PROPERTY = "cascadence.home";

    /** Native libraries unpacked by drivers (SQLite), one folder per process: {@code cache/native/<pid>}. */
    public Path nativeLibraries() {
        return cache.resolve("native");
    }

    public static Installation at(Path home) {
        Path root = home.toAbsolutePath().normalize();
        return new Installation(root, root.resolve("system"), root.resolve("config"), root.resolve("plugins"),
                root.resolve("data"), root.resolve("cache"));
    }

    public static Installation fromSystemProperty() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new LaunchException("The system property " + HOME_PROPERTY
                    + " is not set; start Cascadence with bin/cascadence or bin/task");
        }
        return at(Path.of(home));
    }

    /**
     * Creates the folders a fresh copy may lack (data/, plugins/ and cache/ are empty in a new installation), and
     * this process's folder for native libraries under {@code cache/native/}, after deleting those of processes
     * that are gone ({@link NativeCopies}).
     */
    public void prepare() {
        for (Path dir : new Path[] {config, plugins, data, cache}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new LaunchException("Cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
        try {
            NativeCopies.prepare(nativeLibraries(), ProcessHandle.current().pid());
        } catch (IOException e) {
            throw new LaunchException("Cannot prepare " + nativeLibraries() + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(system.resolve(BundleList.FILE_NAME))) {
            throw new LaunchException(home + " is not a Cascadence installation: "
                    + system.resolve(BundleList.FILE_NAME) + " is missing");
        }
    }
}
