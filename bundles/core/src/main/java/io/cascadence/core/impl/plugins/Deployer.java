package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.core.impl.plugins.BundleInstaller.InstallFailure;
import io.cascadence.core.impl.plugins.Election.Candidate;

/**
 * Carries out an {@link Election} on the framework: installs or updates each winner and starts it, then uninstalls
 * every other plugin bundle. Winners go first, so a copy that takes over runs before the old bundle goes. Remembers
 * what each bundle was installed from, so an unchanged jar is never installed again.
 */
final class Deployer {

    /** The folder's logger: what happens to plugins/ is read in one place. */
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

    private enum Outcome { UNCHANGED, DEPLOYED, FAILED }

    /** A bundle installed from a location, and what it was installed from ({@code null} if installed before us). */
    private record Installed(long id, PluginJar jar) {
    }

    private final BundleInstaller installer;
    private final Path staging;
    private final Map<String, Installed> installed = new HashMap<>();
    private final Map<String, String> startFailures = new TreeMap<>();

    /** @param staging where the snapshots that are installed are taken */
    Deployer(BundleInstaller installer, Path staging) {
        this.installer = installer;
        this.staging = staging;
    }

    /** Takes in what the framework has: bundles uninstalled behind our back are forgotten, others adopted. */
    void adopt() {
        Map<String, Long> actual = installer.installed();
        for (Iterator<Map.Entry<String, Installed>> it = installed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Installed> entry = it.next();
            if (!Long.valueOf(entry.getValue().id()).equals(actual.get(entry.getKey()))) {
                it.remove();
                startFailures.remove(entry.getKey());
            }
        }
        actual.forEach((location, id) -> installed.putIfAbsent(location, new Installed(id, null)));
    }

    /** What the bundle installed from {@code location} was installed from; {@code null} if none or unknown. */
    PluginJar installedFrom(String location) {
        Installed here = installed.get(location);
        return here == null ? null : here.jar();
    }

    /** The bundles that are installed but did not start, by location, with the framework's reason. */
    Map<String, String> startFailures() {
        return startFailures;
    }

    void carryOut(Election election) {
        Set<String> unsettled = new HashSet<>();
        boolean changed = false;
        for (Candidate winner : election.winners()) {
            Outcome outcome = deploy(winner);
            changed |= outcome == Outcome.DEPLOYED;
            if (outcome == Outcome.FAILED) {
                unsettled.add(winner.jar().symbolicName()); // whatever runs of it now goes on running
            }
        }
        for (Iterator<Map.Entry<String, Installed>> it = installed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Installed> entry = it.next();
            PluginJar jar = entry.getValue().jar();
            if (election.elected(entry.getKey()) || jar != null && unsettled.contains(jar.symbolicName())) {
                continue;
            }
            uninstall(entry.getKey(), entry.getValue());
            it.remove();
            startFailures.remove(entry.getKey());
            changed = true;
        }
        if (changed) {
            installer.refresh();
            retryFailedStarts();
        }
    }

    private Outcome deploy(Candidate winner) {
        Installed here = installed.get(winner.location());
        PluginJar jar = winner.jar();
        if (here != null && here.jar() != null && here.jar().sha256().equals(jar.sha256())) {
            return Outcome.UNCHANGED;
        }
        try (Snapshot snapshot = Snapshot.take(winner.file().path(), staging)) {
            if (!snapshot.sha256().equals(jar.sha256())) {
                winner.file().reread(); // it changed since it was read
                return Outcome.FAILED;
            }
            long id;
            if (here == null) {
                id = installer.install(winner.location(), snapshot.path());
                LOG.info("Installed plugin {} from {}", jar.bundle(), shown(winner.location()));
            } else {
                id = here.id();
                installer.update(id, snapshot.path());
                LOG.info("Updated plugin {} from {}", jar.bundle(), shown(winner.location()));
            }
            installed.put(winner.location(), new Installed(id, jar));
            start(winner.location(), id, jar);
            return Outcome.DEPLOYED;
        } catch (IOException e) {
            winner.file().reread();
            return Outcome.FAILED;
        } catch (InstallFailure e) {
            winner.file().refused("the framework refused it: " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    private void start(String location, long id, PluginJar jar) {
        if (jar.fragment()) {
            return; // fragments attach to their host; they are never started
        }
        try {
            installer.start(id);
            startFailures.remove(location);
        } catch (InstallFailure e) {
            startFailures.put(location, e.getMessage());
        }
    }

    /** A bundle that could not start may now: another plugin may have brought what it lacked. */
    private void retryFailedStarts() {
        for (String location : List.copyOf(startFailures.keySet())) {
            Installed here = installed.get(location);
            if (here != null && here.jar() != null) {
                start(location, here.id(), here.jar());
            }
        }
    }

    private void uninstall(String location, Installed bundle) {
        String what = bundle.jar() == null ? "bundle " + bundle.id() : bundle.jar().bundle();
        try {
            installer.uninstall(bundle.id());
            LOG.info("Uninstalled plugin {} of {}", what, shown(location));
        } catch (InstallFailure e) {
            LOG.warn("Cannot uninstall plugin {} of {}: {}", what, shown(location), e.getMessage());
        }
    }

    /** A location as messages name it: {@code plugins/NAME}. */
    static String shown(String location) {
        return PluginFolder.shown(Path.of(URI.create(location)));
    }
}
