package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BundleInstaller} on the OSGi framework. Plugin bundles are the ones whose location is a file of
 * {@code plugins/}. The launcher lets two bundles of one symbolic name and version be installed at once
 * ({@code org.osgi.framework.bsnversion=multiple}) so that a copy can take over before the old one goes; this
 * class refuses a plugin that is a second copy of one of the container's own bundles, which that setting would
 * otherwise let in.
 */
final class FrameworkInstaller implements BundleInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkInstaller.class);
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final BundleContext context;
    /** {@code plugins/} and every folder deployed beside it since the start: only grows. */
    private final Set<Path> folders = new CopyOnWriteArraySet<>();

    FrameworkInstaller(BundleContext context, Path folder) {
        this.context = context;
        this.folders.add(folder.toAbsolutePath().normalize());
    }

    @Override
    public void watch(Path folder) {
        folders.add(folder.toAbsolutePath().normalize());
    }

    @Override
    public Map<String, Long> installed() {
        Map<String, Long> plugins = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (isPlugin(bundle.getLocation())) {
                plugins.put(bundle.getLocation(), bundle.getBundleId());
            }
        }
        return plugins;
    }

    @Override
    public long install(String location, Path content) throws InstallFailure {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(content)) {
            bundle = context.installBundle(location, in);
        } catch (BundleException | IOException | RuntimeException e) {
            throw failure(e);
        }
        for (Bundle other : context.getBundles()) {
            if (other != bundle && !isPlugin(other.getLocation()) && sameIdentity(bundle, other)) {
                uninstall(bundle.getBundleId());
                throw new InstallFailure("the container already has " + other.getSymbolicName() + " "
                        + other.getVersion() + " (" + other.getLocation() + ")", null);
            }
        }
        return bundle.getBundleId();
    }

    @Override
    public void update(long id, Path content) throws InstallFailure {
        try (InputStream in = Files.newInputStream(content)) {
            bundle(id).update(in);
        } catch (BundleException | IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void start(long id) throws InstallFailure {
        try {
            bundle(id).start();
        } catch (BundleException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void uninstall(long id) throws InstallFailure {
        try {
            bundle(id).uninstall();
        } catch (BundleException | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * An updated or uninstalled bundle whose packages another bundle uses lingers until a refresh; waiting for it
     * keeps the next scan from starting a bundle the refresh is busy with.
     */
    @Override
    public void refresh() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (wiring.getRemovalPendingBundles().isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(null, event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The refresh after a plugin change has not finished after {} s", REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Bundle bundle(long id) throws InstallFailure {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new InstallFailure("bundle " + id + " is no longer installed", null);
        }
        return bundle;
    }

    private boolean isPlugin(String location) {
        if (location == null || !location.startsWith("file:")) {
            return false;
        }
        try {
            Path file = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return folders.contains(file.getParent());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameIdentity(Bundle a, Bundle b) {
        return a.getSymbolicName() != null && a.getSymbolicName().equals(b.getSymbolicName())
                && a.getVersion().equals(b.getVersion());
    }

    private static InstallFailure failure(Exception e) {
        return new InstallFailure(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
