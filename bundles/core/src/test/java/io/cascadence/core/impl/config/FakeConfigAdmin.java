package io.cascadence.core.impl.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * ConfigAdmin with FileInstall in front of it, as far as the configuration watch can tell: stored properties per
 * PID, the events they cause, and FileInstall's two habits the watch corrects (a second file for a PID replaces the
 * first; deleting either file deletes the PID's configuration). Mocks the two because they need a framework; the
 * integration tests run the real ones.
 */
final class FakeConfigAdmin implements ConfigStore {

    final Map<String, Map<String, Object>> stored = new HashMap<>();
    final List<String> republished = new ArrayList<>();
    private final Deque<String> events = new ArrayDeque<>();

    /** FileInstall applies a file: unless its values are already there, they replace the PID's. */
    void fileInstallApplies(Path file) {
        String pid = CfgFolder.name(file);
        Map<String, Object> values = new LinkedHashMap<>(read(file));
        Map<String, Object> old = stored.get(pid);
        if (old != null) {
            Map<String, Object> oldValues = new LinkedHashMap<>(old);
            oldValues.remove(Configurations.FILENAME);
            oldValues.remove("service.pid");
            if (oldValues.equals(values)) {
                return;
            }
        }
        values.put("service.pid", pid);
        values.put(Configurations.FILENAME, file.toFile().getAbsoluteFile().toURI().toString());
        stored.put(pid, values);
        events.add(pid);
    }

    /** FileInstall saw a file go: it deletes the PID's configuration, whichever file that came from. */
    void fileInstallDeletes(Path file) {
        String pid = CfgFolder.name(file);
        if (stored.remove(pid) != null) {
            events.add(pid);
        }
    }

    /** Delivers the events ConfigAdmin would send, and the ones those cause, until all is quiet. */
    void settle(ConfigWatch watch) {
        for (int i = 0; !events.isEmpty(); i++) {
            if (i > 50) {
                throw new AssertionError("configuration events never stop: " + events);
            }
            watch.configurationChanged(events.poll());
        }
    }

    String fileOf(String pid) {
        Map<String, Object> properties = stored.get(pid);
        Path file = properties == null ? null : Configurations.fileOf(properties);
        return file == null ? null : file.getFileName().toString();
    }

    @Override
    public Map<String, Object> read(String pid) {
        Map<String, Object> properties = stored.get(pid);
        return properties == null ? null : new HashMap<>(properties);
    }

    @Override
    public void createEmpty(String pid) {
        if (stored.putIfAbsent(pid, new HashMap<>(Map.of("service.pid", pid))) == null) {
            events.add(pid);
        }
    }

    @Override
    public void republish(String pid) {
        if (stored.containsKey(pid)) {
            republished.add(pid);
        }
    }

    @Override
    public void reapply(Path file) {
        fileInstallApplies(file);
        Map<String, Object> properties = stored.get(CfgFolder.name(file));
        properties.put(Configurations.FILENAME, file.toFile().getAbsoluteFile().toURI().toString());
    }

    private static Map<String, Object> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        properties.forEach((k, v) -> values.put(k.toString(), v));
        return values;
    }
}
