package io.cascadence.core.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the jars in {@code plugins/} and names the ones that can never be deployed. FileInstall skips a jar it
 * cannot read without a word; a user who dropped it there deserves to hear why nothing happened. A file is judged
 * only once it has not changed for {@link #QUIET}, so a slow copy in progress is not reported as broken.
 */
final class PluginJarCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PluginJarCheck.class);

    /** How long a jar must stay unchanged before it is judged. */
    static final Duration QUIET = Duration.ofSeconds(2);

    private final Path folder;
    private final LongSupplier nanoTime;
    private final Map<Path, List<Object>> seen = new HashMap<>();
    private final Map<Path, Long> unchangedSince = new HashMap<>();
    private final Map<Path, List<Object>> judged = new HashMap<>();
    private final Map<Path, String> problems = new HashMap<>();

    /** @param nanoTime the clock, {@link System#nanoTime} but for tests */
    PluginJarCheck(Path folder, LongSupplier nanoTime) {
        this.folder = folder;
        this.nanoTime = nanoTime;
    }

    /** One pass over the folder; call it periodically. */
    synchronized void scan() {
        Map<Path, List<Object>> current = new HashMap<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                stamp(jar).ifPresent(s -> current.put(jar, s));
            }
        } catch (IOException e) {
            return; // The folder is missing or unreadable; FileInstall reports that itself.
        }
        long now = nanoTime.getAsLong();
        for (Map.Entry<Path, List<Object>> entry : current.entrySet()) {
            Path jar = entry.getKey();
            if (!Objects.equals(seen.get(jar), entry.getValue())) {
                unchangedSince.put(jar, now);
                continue;
            }
            boolean quiet = now - unchangedSince.get(jar) >= QUIET.toNanos();
            if (quiet && !Objects.equals(judged.get(jar), entry.getValue())) {
                judged.put(jar, entry.getValue());
                judge(jar);
            }
        }
        unchangedSince.keySet().retainAll(current.keySet());
        seen.keySet().retainAll(current.keySet());
        seen.putAll(current);
        judged.keySet().retainAll(current.keySet());
        problems.keySet().retainAll(current.keySet());
    }

    /** The jars judged undeployable, with the reason; what the log says, for tests and future reports. */
    synchronized Map<Path, String> problems() {
        return Map.copyOf(problems);
    }

    private void judge(Path jar) {
        Optional<String> problem = problemOf(jar);
        String previous = problem.isPresent() ? problems.put(jar, problem.get()) : problems.remove(jar);
        if (problem.isPresent()) {
            LOG.warn("Plugin {} cannot be deployed and is ignored: {}", jar, problem.get());
        } else if (previous != null) {
            LOG.info("Plugin {} is a valid bundle now", jar);
        }
    }

    static Optional<String> problemOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.of("it has no META-INF/MANIFEST.MF, so it is not an OSGi bundle");
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return Optional.of("its manifest has no Bundle-SymbolicName, so it is not an OSGi bundle");
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("it is not a readable jar file (" + e.getMessage() + ")");
        }
    }

    private static Optional<List<Object>> stamp(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(List.of(attributes.lastModifiedTime(), attributes.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
