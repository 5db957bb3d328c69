package io.cascadence.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One Apache Felix framework with the Cascadence bundles, started in the order of {@code system/bundles.list}:
 * libraries, ConfigAdmin and the Cascadence bundles first; then FileInstall, whose first scan of {@code config/}
 * runs synchronously, so the configuration is in place before SCR activates any component; then SCR, which
 * activates the core's plugin folder, whose first scan of {@code plugins/} installs and starts the plugins before
 * SCR's start returns. Jetty, the slowest to start, starts on its own thread beside them; {@code /health} answers
 * 200 only once every bundle is active, so its first 200 still means everything is ready.
 */
public final class Container {

    private static final int FILEINSTALL_POLL_MILLIS = 500;
    private static final int HEADER_LIMIT_BYTES = 16 * 1024;

    /** The framework property through which the web bundle learns {@link #launcherToken()}. */
    public static final String LAUNCHER_TOKEN = "cascadence.launcher.token";

    private final Installation installation;
    private final ContainerOptions options;
    private final String launcherToken = newToken();
    private List<Path> shellJars = List.of();
    private Framework framework;

    public Container(Installation installation, ContainerOptions options) {
        this.installation = installation;
        this.options = options;
    }

    /**
     * A random token the web bundle accepts beside the configured {@code api_tokens}, bound to nobody: this process
     * waits for {@code /health} with it, and {@code bin/task} sends its command to its private container with it, so
     * neither needs one of the user's tokens. It never leaves this process.
     */
    public String launcherToken() {
        return launcherToken;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void start() {
        BundleList bundles = BundleList.read(installation.system());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("No OSGi framework on the class path"));
        framework = factory.newFramework(frameworkProperties());
        try {
            framework.init();
            framework.start();
            shellJars = options.shell() ? bundles.shell() : List.of();
            // Bundles are installed in groups that end at each '&' bundle, and a group is started before the next
            // is installed: so Jetty's thread gets going without waiting for the rest to install, while inside a
            // group every bundle still sees the others when it resolves (slf4j-api needs slf4j-simple's
            // capability, the Cascadence bundles SCR's, which starts after them).
            BundleContext context = framework.getBundleContext();
            List<Thread> parallel = new ArrayList<>();
            List<Path> group = new ArrayList<>();
            for (Path jar : bundles.always()) {
                group.add(jar);
                if (bundles.background().contains(jar)) {
                    startGroup(context, group, bundles, parallel);
                    group.clear();
                }
            }
            startGroup(context, group, bundles, parallel);
            for (Thread thread : parallel) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while starting", e);
        } catch (BundleException e) {
            stop(Duration.ofSeconds(10));
            throw new LaunchException("Cannot start the framework: " + e.getMessage(), e);
        }
    }

    private static void startGroup(BundleContext context, List<Path> jars, BundleList bundles, List<Thread> parallel)
            throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(location(jar)));
        }
        for (int i = 0; i < jars.size(); i++) {
            Bundle bundle = installed.get(i);
            if (isFragment(bundle)) {
                continue;
            }
            if (bundles.background().contains(jars.get(i))) {
                Thread thread = new Thread(() -> startBundle(bundle), "cascadence-start-" + bundle.getSymbolicName());
                thread.start();
                parallel.add(thread);
            } else {
                startBundle(bundle);
            }
        }
    }

    /**
     * Starts the console on this terminal, if it was asked for. Called once the container is healthy, so that
     * the prompt comes after the start-up messages and a command typed at it finds every service in place.
     */
    public void startShell() {
        try {
            List<Bundle> shell = new ArrayList<>();
            for (Path jar : shellJars) {
                shell.add(framework.getBundleContext().installBundle(location(jar)));
            }
            shell.stream().filter(b -> !isFragment(b)).forEach(Container::startBundle);
        } catch (BundleException e) {
            System.err.println("ERROR: cannot install the shell: " + e.getMessage());
        }
    }

    /** Whether the framework is still up: false once a shell {@code exit} or a signal has stopped it. */
    public boolean running() {
        return framework != null && (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0;
    }

    private static void startBundle(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            // Keep going: /health names the bundle that is not active, which beats not starting at all.
            System.err.println("ERROR: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    /**
     * System jars are installed by reference: Felix reads them where they are instead of copying them into the
     * cache at every start. They never change while the container runs.
     */
    private static String location(Path jar) {
        return "reference:" + jar.toUri();
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, options.cache().toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // What slf4j-api and slf4j-simple require of a ServiceLoader mediator; io.cascadence.logging does the
        // mediator's one job for them (see its bnd.bnd), so the system bundle vouches for the capabilities.
        p.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA,
                "osgi.extender;osgi.extender=\"osgi.serviceloader.processor\";version:Version=\"1.0\","
                        + "osgi.extender;osgi.extender=\"osgi.serviceloader.registrar\";version:Version=\"1.0\"");
        p.put("cascadence.home", installation.home().toString());
        p.put("cascadence.data", installation.data().toString());
        p.put("cascadence.plugins", installation.plugins().toString());
        p.put(ContainerOptions.FIRES_SCHEDULES, Boolean.toString(options.firesSchedules()));
        p.put(LAUNCHER_TOKEN, launcherToken);
        if (options.metricsPort() > 0) {
            p.put(ContainerOptions.METRICS_PORT, Integer.toString(options.metricsPort()));
        }
        if (options.webhookHost() != null) {
            p.put(ContainerOptions.WEBHOOK_HOST, options.webhookHost());
            p.put(ContainerOptions.WEBHOOK_PORT, Integer.toString(options.webhookPort()));
        }
        options.settings().forEach((variable, value) -> p.put(ContainerOptions.SETTING_PREFIX + variable, value));

        // The core deploys plugins/ itself (io.cascadence.core.impl.plugins.PluginFolder): it reports second copies,
        // keeps a working version over a broken replacement and sees replacements FileInstall's size-and-time check
        // misses. FileInstall only applies configuration, and only from config/.
        p.put("felix.fileinstall.dir", installation.config().toString());
        p.put("felix.fileinstall.poll", Integer.toString(FILEINSTALL_POLL_MILLIS));
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.tmpdir", options.cache().resolveSibling(options.cache().getFileName() + "-tmp")
                .toString());
        // When the copy of a plugin that runs is deleted, another copy of the same bundle takes over: it is
        // installed and started before the old one is uninstalled, so that its tasks never go away. The plugin
        // folder refuses a plugin that duplicates one of the container's own bundles.
        p.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE);
        // Never rewrite the user's cfg files (comments and order would be lost).
        p.put("felix.fileinstall.enableConfigSave", "false");
        // FileInstall reads cfg files as ISO-8859-1 unless told otherwise; editors write UTF-8, and a value such as
        // "Grüße€" must arrive as written. Bytes that are not UTF-8 become U+FFFD, which the core reports.
        p.put("felix.fileinstall.configEncoding", "UTF-8");
        p.put("felix.fileinstall.log.level", "2");

        p.put("org.osgi.service.http.port", Integer.toString(options.port()));
        p.put("org.apache.felix.http.host", options.host());
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // The request line and the header block each may take this many bytes; more is 414 or 431 (Felix HTTP's
        // default, pinned because the README promises it).
        p.put("org.apache.felix.http.jetty.headerBufferSize", Integer.toString(HEADER_LIMIT_BYTES));
        p.put("ds.loglevel", "warn");
        if (options.shell()) {
            p.put("gosh.home", installation.home().toString());
        }
        return p;
    }

    /** Waits until {@code /health} answers 200; returns false if it has not after {@code timeout}. */
    public boolean awaitHealthy(Duration timeout) throws InterruptedException {
        URI health = URI.create(new RuntimeInfo(ProcessHandle.current().pid(), options.host(), options.port(),
                "container").baseUrl() + "/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (framework.getState() != Bundle.ACTIVE) {
                return false;
            }
            if (answers200(health, launcherToken)) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }

    private static boolean answers200(URI uri, String token) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            // With api_tokens_scope=all, /health needs a token too.
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Blocks until the framework stops (for example when the shell's {@code exit} stops it). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    public void stop(Duration timeout) {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(timeout.toMillis());
        } catch (BundleException e) {
            System.err.println("ERROR: stopping the framework: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
