package io.cascadence.core.impl.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.core.impl.CoreConfig;
import io.cascadence.core.impl.Schedulers;

/**
 * Resolves every Cascadence PID and hands each bundle its effective values. As a {@link ConfigurationPlugin} it
 * replaces what ConfigAdmin delivers for a Cascadence PID with the effective values: the cfg file's, overridden by
 * the YAML file and the environment, normalised, invalid ones replaced by the previous valid ones. As a
 * {@link ConfigurationListener} it follows PIDs no bundle reads yet. It reads ConfigAdmin's raw properties itself
 * rather than taking a typed configuration from Declarative Services, because it must know which keys a file
 * really set, and because the values it would receive are the ones it computes. The core's other components read
 * it through {@link CoreConfig}, whose getters answer the value in force at each call.
 */
@Component(service = {CascadenceConfig.class, CoreConfig.class, ConfigurationPlugin.class,
    ConfigurationListener.class}, immediate = true, configurationPid = CascadenceConfig.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE,
        property = {ConfigurationPlugin.CM_RANKING + ":Integer=0", "config.plugin.id=" + ConfigComponent.PLUGIN_ID})
@Designate(ocd = CascadenceConfiguration.class)
public class ConfigComponent extends LiveCoreConfig implements ConfigurationPlugin, ConfigurationListener {

    static final String PLUGIN_ID = "io.cascadence.config";
    static final String HOME_PROPERTY = "cascadence.home";
    static final String DATA_PROPERTY = "cascadence.data";
    /** FileInstall's folder: {@code config/}. */
    static final String CONFIG_DIR_PROPERTY = "felix.fileinstall.dir";
    static final String YAML_ENV = "CASCADENCE_CONFIG";

    /** Framework properties that carry a command line's value of a key, named after its environment variable. */
    static final String COMMAND_LINE_PREFIX = "cascadence.env.";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);

    /** Everything activation builds, published at once so that a plugin call never sees half of it. */
    private record Running(Configurations configurations, ConfigWatch watch, ScheduledExecutorService worker) {
    }

    private final Map<String, String> environment;
    private final List<ArtifactInstaller> installers = new CopyOnWriteArrayList<>();
    /** Null outside activation: ConfigAdmin may call the plugin and the listener at any time. */
    private volatile Running running;
    /** Kept after deactivation, so a component still holding this service gets the last values. */
    private volatile Configurations configurations;

    @Reference
    private ConfigurationAdmin configAdmin;

    public ConfigComponent() {
        this(System.getenv());
    }

    ConfigComponent(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** FileInstall's installers: the one for cfg files applies a file again when a second one replaced it. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindInstaller(ArtifactInstaller installer) {
        installers.add(installer);
    }

    void unbindInstaller(ArtifactInstaller installer) {
        installers.remove(installer);
    }

    @Activate
    void activate(BundleContext context) throws InterruptedException {
        Path home = Path.of(property(context, HOME_PROPERTY, "."));
        Path data = Path.of(property(context, DATA_PROPERTY, home.resolve("data").toString())).toAbsolutePath()
                .normalize();
        Path configDirectory = realPath(Path.of(property(context, CONFIG_DIR_PROPERTY,
                home.resolve("config").toString())));
        Map<String, String> environment = withCommandLine(this.environment, context::getProperty);
        String named = environment.get(YAML_ENV);
        YamlConfigFile yaml = named != null && !named.isBlank()
                ? new YamlConfigFile(home.resolve(named.strip()), true)
                : new YamlConfigFile(configDirectory.resolve("cascadence.yml"), false);
        ConfigLog log = new ConfigLog();
        CfgOwners owners = new CfgOwners();
        Configurations configurations = new Configurations(configDirectory, data, yaml, environment, owners,
                log::changed);
        ConfigWatch watch = new ConfigWatch(configDirectory, configurations, owners,
                new ConfigAdminStore(configAdmin, Collections.unmodifiableList(installers)));
        ScheduledExecutorService worker = Schedulers.singleDaemon("cascadence-config-watch");
        this.configurations = configurations;
        running = new Running(configurations, watch, worker);
        try {
            worker.submit(watch::start).get(); // the watch's work is done on its one thread
        } catch (ExecutionException e) {
            LOG.error("Could not settle the configuration at start", e.getCause());
        }
        log.inEffect(configurations.current());
        worker.scheduleWithFixedDelay(() -> guarded(watch::tick), 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        Running stopped = running;
        running = null;
        stopped.worker().shutdownNow();
    }

    @Override
    EffectiveConfig current() {
        return configurations.current();
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        Running now = running;
        if (now != null && !EffectiveProperties.process(now.configurations(), properties)) {
            String pid = String.valueOf(properties.get(Constants.SERVICE_PID));
            later(now, () -> now.watch().configurationChanged(pid));
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        Running now = running;
        if (now != null && event.getType() != ConfigurationEvent.CM_LOCATION_CHANGED) {
            later(now, () -> now.watch().configurationChanged(event.getPid()));
        }
    }

    /** On the watch's thread; dropped when the component is being deactivated. */
    private static void later(Running running, Runnable work) {
        try {
            running.worker().execute(() -> guarded(work));
        } catch (RejectedExecutionException e) {
            LOG.debug("Configuration watch stopped; not handled: {}", e.toString());
        }
    }

    /** The watch thread goes on whatever one round meets. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Configuration watch: {}", e.toString(), e);
        }
    }

    /**
     * The environment with the values a command-line option gave this process ({@code --metrics-port}): the
     * launcher hands them over as framework properties named {@value #COMMAND_LINE_PREFIX} and the environment
     * variable of the key they set, and they count as that variable, for this process only.
     */
    static Map<String, String> withCommandLine(Map<String, String> environment,
            UnaryOperator<String> frameworkProperties) {
        Map<String, String> merged = new HashMap<>(environment);
        for (ConfigKey key : ConfigKey.values()) {
            String value = frameworkProperties.apply(COMMAND_LINE_PREFIX + key.environmentVariable());
            if (value != null) {
                merged.put(key.environmentVariable(), value);
            }
        }
        return Map.copyOf(merged);
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath(); // FileInstall names files by their canonical path
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
