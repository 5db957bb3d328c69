package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The framework as {@link PluginFolder} sees it, in memory. It reads each installed content's manifest, so tests can
 * ask what runs, and records every operation, in order, by the file's name ("install hello.jar").
 */
final class FakeInstaller implements BundleInstaller {

    /** A bundle as the fake keeps it. */
    static final class FakeBundle {
        final long id;
        final String location;
        String symbolicName;
        String version;
        byte[] content;
        boolean active;

        FakeBundle(long id, String location) {
            this.id = id;
            this.location = location;
        }
    }

    final List<String> operations = new ArrayList<>();
    final Map<Long, FakeBundle> bundles = new TreeMap<>();
    /** File names whose installation or update fails, with the framework's message. */
    final Map<String, String> refuse = new HashMap<>();
    /** File names whose bundle cannot start, with the framework's message. */
    final Map<String, String> unstartable = new HashMap<>();
    private long nextId = 10;

    /** Every installed bundle's symbolic name, with the file and the version it runs from ("hello.jar 1.0.0"). */
    Map<String, String> running() {
        Map<String, String> running = new TreeMap<>();
        for (FakeBundle bundle : bundles.values()) {
            String previous = running.put(bundle.symbolicName, name(bundle.location) + " " + bundle.version);
            if (previous != null) {
                throw new AssertionError("two bundles of " + bundle.symbolicName + " installed: " + previous
                        + " and " + running.get(bundle.symbolicName));
            }
        }
        return running;
    }

    /** Installs a bundle as if it had been there before the folder was first scanned. */
    FakeBundle preinstalled(Path file, byte[] content) {
        FakeBundle bundle = new FakeBundle(nextId++, PluginFolder.location(file));
        read(bundle, content);
        bundle.active = true;
        bundles.put(bundle.id, bundle);
        return bundle;
    }

    @Override
    public Map<String, Long> installed() {
        Map<String, Long> installed = new HashMap<>();
        bundles.values().forEach(b -> installed.put(b.location, b.id));
        return installed;
    }

    @Override
    public long install(String location, Path content) throws InstallFailure {
        operations.add("install " + name(location));
        refuseIfAsked(location);
        FakeBundle bundle = new FakeBundle(nextId++, location);
        read(bundle, bytes(content));
        bundles.put(bundle.id, bundle);
        return bundle.id;
    }

    @Override
    public void update(long id, Path content) throws InstallFailure {
        FakeBundle bundle = bundles.get(id);
        operations.add("update " + name(bundle.location));
        refuseIfAsked(bundle.location);
        read(bundle, bytes(content));
    }

    @Override
    public void start(long id) throws InstallFailure {
        FakeBundle bundle = bundles.get(id);
        operations.add("start " + name(bundle.location));
        String problem = unstartable.get(name(bundle.location));
        if (problem != null) {
            throw new InstallFailure(problem, null);
        }
        bundle.active = true;
    }

    @Override
    public void uninstall(long id) {
        operations.add("uninstall " + name(bundles.remove(id).location));
    }

    @Override
    public void watch(Path folder) {
        // the fake counts every bundle as a plugin
    }

    @Override
    public void refresh() {
        // nothing lingers in the fake
    }

    private void refuseIfAsked(String location) throws InstallFailure {
        String problem = refuse.get(name(location));
        if (problem != null) {
            throw new InstallFailure(problem, null);
        }
    }

    private static void read(FakeBundle bundle, byte[] content) {
        try {
            Path file = Files.createTempFile("fake-bundle", ".jar");
            try {
                Files.write(file, content);
                try (JarFile jar = new JarFile(file.toFile())) {
                    Attributes main = jar.getManifest().getMainAttributes();
                    bundle.symbolicName = main.getValue("Bundle-SymbolicName");
                    bundle.version = main.getValue("Bundle-Version");
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundle.content = content;
    }

    private static byte[] bytes(Path content) {
        try {
            return Files.readAllBytes(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(String location) {
        return Path.of(URI.create(location)).getFileName().toString();
    }
}
