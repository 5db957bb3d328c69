package io.cascadence.core.impl;

import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Runs {@link PluginJarCheck} on {@code plugins/} every half second, beside FileInstall's own polling. */
@Component(service = {}, immediate = true)
public class PluginCheckComponent {

    static final String PLUGINS_PROPERTY = "cascadence.plugins";

    private ScheduledExecutorService executor;

    @Activate
    void activate(BundleContext context) {
        String folder = context.getProperty(PLUGINS_PROPERTY);
        if (folder == null) {
            return;
        }
        PluginJarCheck check = new PluginJarCheck(Path.of(folder), System::nanoTime);
        executor = Schedulers.singleDaemon("cascadence-plugin-check");
        executor.scheduleWithFixedDelay(check::scan, 0, 500, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
