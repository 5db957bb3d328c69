package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.PluginFolders;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.Schedulers;

/**
 * Deploys {@code plugins/} ({@link PluginFolder}), and the folders added to it through {@link PluginFolders}: scans
 * them every half second and tells {@code GET /health} what is wrong there.
 */
@Component(service = {HealthContributor.class, PluginFolders.class}, immediate = true)
public class PluginFolderComponent implements HealthContributor, PluginFolders {

    static final String PLUGINS_PROPERTY = "cascadence.plugins";
    static final long POLL_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderComponent.class);

    private ScheduledExecutorService executor;
    private volatile PluginFolder folder;

    @Activate
    void activate(BundleContext context) {
        String dir = context.getProperty(PLUGINS_PROPERTY);
        if (dir == null) {
            LOG.info("No {} framework property: no plugin folder to deploy", PLUGINS_PROPERTY);
            return;
        }
        Path staging = context.getDataFile("plugin-staging").toPath();
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + staging, e);
        }
        PluginFolder plugins = new PluginFolder(Path.of(dir), new FrameworkInstaller(context, Path.of(dir)), staging,
                FileStamp::read, Clock.systemUTC());
        // The first scan runs here rather than on the timer, so that the plugins' tasks are registered before the
        // container first answers GET /health with 200: bin/task runs its command right after that.
        long started = System.nanoTime();
        plugins.scan();
        long firstScanMillis = (System.nanoTime() - started) / 1_000_000;
        folder = plugins;
        Bundle system = context.getBundle(0);
        executor = Schedulers.singleDaemon("cascadence-plugin-folder");
        executor.scheduleWithFixedDelay(() -> scan(plugins, system), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Deploying {}: first scan in {} ms, then every {} ms", dir, firstScanMillis, POLL_MILLIS);
    }

    private static void scan(PluginFolder plugins, Bundle system) {
        if (system.getState() != Bundle.ACTIVE) {
            return; // the framework is stopping: its bundles are being stopped, leave them be
        }
        try {
            plugins.scan();
        } catch (RuntimeException e) {
            // An exception would end the timer for good: log it and scan again next time.
            LOG.error("Scanning the plugin folder failed", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public List<Path> folders() {
        PluginFolder plugins = folder;
        return plugins == null ? List.of() : plugins.folders();
    }

    @Override
    public boolean add(Path dir) {
        Path normal = absolute(dir);
        if (!Files.isDirectory(normal) || !Files.isReadable(normal)) {
            throw new InvalidRequestException("path '" + dir + "' is not a readable directory");
        }
        boolean added = deployed().add(normal);
        if (added) {
            LOG.info("Deploying plugins from {} too, by the rules of {}", normal, deployed().folders().get(0));
        }
        return added;
    }

    @Override
    public boolean remove(Path dir) {
        Path normal = absolute(dir);
        PluginFolder plugins = deployed();
        if (plugins.primary(normal)) {
            throw new InvalidRequestException("path '" + dir + "' is the container's own plugin folder, which is "
                    + "always deployed");
        }
        boolean removed = plugins.remove(normal);
        if (removed) {
            LOG.info("No longer deploying {}: its plugins are uninstalled", normal);
        }
        return removed;
    }

    private static Path absolute(Path dir) {
        if (dir == null || !dir.isAbsolute()) {
            throw new InvalidRequestException("path '" + dir + "' is not absolute: give the folder's full path");
        }
        return dir.normalize();
    }

    private PluginFolder deployed() {
        PluginFolder plugins = folder;
        if (plugins == null) {
            throw new CascadenceException("no plugin folder is deployed: the framework property "
                    + PLUGINS_PROPERTY + " is not set");
        }
        return plugins;
    }

    @Override
    public List<String> warnings() {
        PluginFolder plugins = folder;
        return plugins == null ? List.of() : plugins.warnings();
    }
}
