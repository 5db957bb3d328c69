package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cascadence.core.impl.plugins.Election.Candidate;

/**
 * Makes what runs from {@code plugins/} (and the folders {@link #add added} to it) follow what the folders hold,
 * one {@link #scan()} at a time:
 * <ul>
 * <li>A jar is read once its stamp has held for a whole poll, so a copy in progress is left alone, from a private
 * {@link Snapshot} whose every entry is checked. By its content hash it is then installed, updated in place, or
 * left as it is (a {@code touch} changes nothing).
 * <li>Of several jars that hold one bundle, one runs ({@link Election}) and the others are reported. When the
 * running one goes, the next copy is installed and started before the old one is uninstalled, so the bundle's
 * tasks never disappear.
 * <li>A jar that is not a deployable bundle is reported once it has been quiet for {@link #QUIET}. A bundle
 * installed from that file before keeps running until the file is fixed (then it is updated) or deleted.
 * <li>The bundle of a deleted jar is uninstalled.
 * <li>Configuration files are never applied from here (configuration is read from {@code config/}): they are
 * reported.
 * </ul>
 * An added folder follows the same rules, and copies are counted across folders: one copy of a bundle runs,
 * whichever folders hold it. Removing a folder is deleting its jars.
 * Plain Java over a {@link BundleInstaller}, so that every rule is tested without a framework.
 */
final class PluginFolder {

    /** How long a jar that cannot be deployed must stay unchanged before it is reported: it may still be arriving. */
    static final Duration QUIET = Duration.ofSeconds(2);

    private final Path folder;
    /**
     * Folders deployed beside {@link #folder}, in the order they were added; read without the lock, so that
     * {@code GET /health} never waits for a scan.
     */
    private final List<Path> added = new CopyOnWriteArrayList<>();
    /** Added folders not scanned yet: what they hold is deployed at once, as at the first scan. */
    private final Set<Path> fresh = new HashSet<>();
    private final BundleInstaller installer;
    private final Path staging;
    private final StampReader stamps;
    private final Clock clock;
    private final Deployer deployer;
    private final Map<Path, WatchedFile> files = new TreeMap<>();
    private final FolderWarnings warnings = new FolderWarnings();
    private boolean scanned;

    /**
     * @param staging a private folder for the snapshots of jars being checked and installed
     * @param stamps {@link FileStamp#read}, but for tests
     */
    PluginFolder(Path folder, BundleInstaller installer, Path staging, StampReader stamps, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.installer = installer;
        this.deployer = new Deployer(installer, staging);
        this.staging = staging;
        this.stamps = stamps;
        this.clock = clock;
    }

    /**
     * One pass over the folder; call it periodically. The first pass installs what it finds at once, without
     * waiting for the files to settle: they are not being copied while the container starts.
     */
    synchronized void scan() {
        Instant now = clock.instant();
        List<Path> jars = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Set<Path> kept = new HashSet<>();
        for (Path dir : folders()) {
            try {
                FolderListing listing = FolderListing.of(dir);
                jars.addAll(listing.jars());
                configs.addAll(listing.configs());
            } catch (IOException e) {
                unreadable.add(dir + " cannot be read (" + e + "); the plugins keep running as they are");
                files.keySet().stream().filter(f -> f.getParent().equals(dir)).forEach(kept::add);
            }
        }
        if (!unreadable.isEmpty() && jars.isEmpty() && kept.size() == files.size()) {
            warnings.publish(unreadable); // nothing can be read: leave everything as it is
            return;
        }
        kept.addAll(jars);
        files.keySet().retainAll(kept);
        for (Path jar : jars) {
            WatchedFile file = files.computeIfAbsent(jar, WatchedFile::new);
            boolean eager = !scanned || fresh.contains(jar.getParent());
            stamps.read(jar).ifPresent(stamp -> {
                if (file.observe(stamp, now, eager)) {
                    read(file, stamp, now);
                }
            });
        }
        deployer.adopt();
        deployer.carryOut(Election.of(candidates()));
        List<String> report = new ArrayList<>(unreadable);
        report.addAll(report(configs, Election.of(candidates()), now));
        warnings.publish(report);
        scanned = true;
        fresh.clear();
    }

    /** The folders deployed: {@code plugins/} first, then the added ones. */
    List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        folders.add(folder);
        folders.addAll(added);
        return folders;
    }

    /**
     * Deploys {@code dir} too, and scans at once: what it holds is deployed before this returns.
     *
     * @return whether it was added (false: it is deployed already)
     */
    synchronized boolean add(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        if (folders().contains(normal)) {
            return false;
        }
        installer.watch(normal);
        added.add(normal);
        fresh.add(normal);
        scan();
        return true;
    }

    /**
     * Stops deploying {@code dir}, and scans at once: its bundles are uninstalled before this returns, as if its
     * jars had been deleted.
     *
     * @return whether it was deployed (false: nothing changed)
     */
    synchronized boolean remove(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        if (!added.remove(normal)) {
            return false;
        }
        fresh.remove(normal);
        files.keySet().removeIf(f -> f.getParent().equals(normal));
        scan();
        return true;
    }

    /** Whether {@code dir} is the folder this one was made for, which is always deployed. */
    boolean primary(Path dir) {
        return folder.equals(dir.toAbsolutePath().normalize());
    }

    /** What is wrong in the folder now, each naming the file and what to do. */
    List<String> warnings() {
        return warnings.current();
    }

    private void read(WatchedFile file, FileStamp stamp, Instant now) {
        try (Snapshot snapshot = Snapshot.take(file.path(), staging)) {
            FileStamp after = stamps.read(file.path()).orElse(null);
            if (!stamp.equals(after)) {
                if (after != null) {
                    file.changed(after, now); // written to while it was copied: wait until it settles
                }
                return;
            }
            file.read(stamp, now, file.sameContent(snapshot.sha256()) ? file.content() : PluginJar.read(snapshot));
        } catch (IOException e) {
            file.read(stamp, now, PluginJar.broken(null, "it cannot be read (" + e.getMessage() + ")"));
        }
    }

    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        for (WatchedFile file : files.values()) {
            String location = location(file.path());
            PluginJar installed = deployer.installedFrom(location);
            PluginJar jar = file.content();
            if (jar == null || !jar.deployable()) {
                jar = installed; // what was installed from it runs on until it is fixed
            }
            if (jar != null) {
                boolean running = installed != null && jar.symbolicName().equals(installed.symbolicName());
                candidates.add(new Candidate(file, location, jar, running));
            }
        }
        return candidates;
    }

    private List<String> report(List<Path> configs, Election election, Instant now) {
        List<String> report = new ArrayList<>();
        for (Path config : configs) {
            report.add(shown(config) + " is ignored: configuration is read from config/ only; move the file there "
                    + "to apply it");
        }
        for (WatchedFile file : files.values()) {
            PluginJar jar = file.content();
            if (jar != null && !jar.deployable() && file.quietFor(QUIET, now)) {
                PluginJar installed = deployer.installedFrom(location(file.path()));
                report.add(shown(file.path()) + " cannot be deployed: " + jar.problem() + (installed == null ? ""
                        : "; " + installed.bundle() + ", installed from it before, keeps running until the file is "
                                + "fixed"));
            }
        }
        election.losers().forEach((copy, winner) -> report.add(shown(copy.file().path()) + " is not deployed: it "
                + "holds " + copy.jar().bundle() + ", another copy of the plugin that runs from "
                + shown(winner.file().path()) + " (" + winner.jar().version() + "); keep one copy of each plugin "
                + (copy.file().path().getParent().equals(winner.file().path().getParent())
                        ? "in " + copy.file().path().getParent().getFileName() + "/"
                        : "across the watched folders")));
        deployer.startFailures().forEach((location, message) -> report.add(Deployer.shown(location) + " holds "
                + deployer.installedFrom(location).bundle() + ", which is installed but did not start: " + message));
        return report;
    }

    /** The location of a jar's bundle: its file's URI, by which {@code GET /health} knows it for a plugin. */
    static String location(Path jar) {
        return jar.toAbsolutePath().toUri().toString();
    }

    /** A file as messages name it: {@code plugins/NAME}. */
    static String shown(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }
}
