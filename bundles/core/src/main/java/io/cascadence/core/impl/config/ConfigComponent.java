package io.cascadence.core.impl.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.ConfigSource;
import io.cascadence.core.impl.CoreConfig;
import io.cascadence.core.impl.Schedulers;

/**
 * Publishes the effective {@code io.cascadence} configuration. It takes the raw ConfigAdmin properties rather
 * than the typed {@link CascadenceConfiguration}, because it must report which keys the cfg file really set;
 * the typed interface would hide that behind its defaults. Edits of the cfg file arrive through
 * {@link #modified}; the YAML file is polled once a second.
 */
@Component(service = {CascadenceConfig.class, CoreConfig.class}, configurationPid = CascadenceConfig.PID, immediate = true)
@Designate(ocd = CascadenceConfiguration.class)
public class ConfigComponent implements CoreConfig {

    static final String HOME_PROPERTY = "cascadence.home";
    static final String DATA_PROPERTY = "cascadence.data";
    static final String YAML_ENV = "CASCADENCE_CONFIG";
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);

    private final Map<String, String> environment;
    private volatile EffectiveConfig current;
    private Path dataDirectory;
    private YamlConfigFile yaml;
    private Map<String, ?> cfgProperties = Map.of();
    private ScheduledExecutorService yamlWatch;

    public ConfigComponent() {
        this(System.getenv());
    }

    ConfigComponent(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Activate
    void activate(BundleContext context, Map<String, ?> properties) {
        Path home = Path.of(property(context, HOME_PROPERTY, "."));
        dataDirectory = Path.of(property(context, DATA_PROPERTY, home.resolve("data").toString()))
                .toAbsolutePath().normalize();
        String named = environment.get(YAML_ENV);
        yaml = named != null && !named.isBlank()
                ? new YamlConfigFile(home.resolve(named.strip()), true)
                : new YamlConfigFile(home.resolve("config").resolve("cascadence.yml"), false);
        yaml.refresh();
        apply(properties);
        LOG.info("Configuration {} in effect: {}", PID, summary(current.report()));
        yamlWatch = Schedulers.singleDaemon("cascadence-config-yaml-watch");
        yamlWatch.scheduleWithFixedDelay(this::pollYaml, 1, 1, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Map<String, ?> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        yamlWatch.shutdownNow();
    }

    private void pollYaml() {
        try {
            if (yaml.refresh()) {
                apply(null);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not re-read {}", yaml.path(), e);
        }
    }

    private synchronized void apply(Map<String, ?> properties) {
        if (properties != null) {
            cfgProperties = Map.copyOf(properties);
        }
        EffectiveConfig previous = current;
        ConfigLayer cfg = new ConfigLayer(ConfigSource.CFG, cfgOrigin(cfgProperties), cfgProperties);
        ConfigLayer environmentLayer = new ConfigLayer(ConfigSource.ENVIRONMENT, null, environment);
        ResolvedConfig resolved = ConfigResolver.resolve(cfg, yaml.layer(), environmentLayer,
                previous == null ? null : previous.resolved(), yaml.problems());
        current = new EffectiveConfig(resolved, dataDirectory, yaml.inUse());
        logChanges(previous, current);
    }

    private static void logChanges(EffectiveConfig previous, EffectiveConfig next) {
        List<String> oldProblems = previous == null ? List.of() : previous.resolved().problems();
        next.resolved().problems().stream()
                .filter(p -> !oldProblems.contains(p))
                .forEach(p -> LOG.warn("Configuration problem: {}", p));
        if (previous == null) {
            return;
        }
        List<ConfigEntry> before = previous.report().entries();
        List<ConfigEntry> after = next.report().entries();
        for (int i = 0; i < after.size(); i++) {
            if (!after.get(i).equals(before.get(i))) {
                ConfigEntry entry = after.get(i);
                LOG.info("Configuration changed: {}={} ({})", entry.key(), entry.value(), origin(entry));
            }
        }
    }

    /** One line: the files in use once, then each key with the short name of its source. */
    private static String summary(ConfigReport report) {
        List<String> parts = new ArrayList<>();
        for (ConfigEntry entry : report.entries()) {
            String origin = entry.source() == ConfigSource.ENVIRONMENT ? "env " + entry.origin() : entry.source().label();
            parts.add(entry.key() + "=" + entry.value() + " [" + origin + "]");
        }
        String files = report.entries().stream()
                .filter(e -> e.source() == ConfigSource.CFG)
                .map(ConfigEntry::origin)
                .findFirst()
                .map(f -> "cfg " + f)
                .orElse("no cfg file");
        files += report.yamlFile() == null ? ", no YAML file" : ", yaml " + report.yamlFile();
        return "(" + files + ") " + String.join(", ", parts);
    }

    private static String origin(ConfigEntry entry) {
        return entry.origin() == null ? entry.source().label() : entry.source().label() + " " + entry.origin();
    }

    private static String cfgOrigin(Map<String, ?> properties) {
        Object fileName = properties.get(FILEINSTALL_FILENAME);
        if (fileName != null) {
            try {
                return Path.of(URI.create(fileName.toString())).toString();
            } catch (IllegalArgumentException e) {
                return fileName.toString();
            }
        }
        return "ConfigAdmin " + PID;
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String backend() {
        return current.backend();
    }

    @Override
    public ZoneId timezone() {
        return current.timezone();
    }

    @Override
    public String hashSecret() {
        return current.hashSecret();
    }

    @Override
    public Path stagesPath() {
        return current.stagesPath();
    }

    @Override
    public Path pointersPath() {
        return current.pointersPath();
    }

    @Override
    public Path tasksPath() {
        return current.tasksPath();
    }

    @Override
    public Path schedulesPath() {
        return current.schedulesPath();
    }

    @Override
    public Path runsPath() {
        return current.runsPath();
    }

    @Override
    public Path statesPath() {
        return current.statesPath();
    }

    @Override
    public int runRetention() {
        return current.runRetention();
    }

    @Override
    public int stageRetention() {
        return current.stageRetention();
    }

    @Override
    public Path dataDirectory() {
        return current.dataDirectory();
    }

    @Override
    public String historyUrl() {
        return current.historyUrl();
    }

    @Override
    public String historyUser() {
        return current.historyUser();
    }

    @Override
    public String historyPassword() {
        return current.historyPassword();
    }

    @Override
    public int historyPoolSize() {
        return current.historyPoolSize();
    }

    @Override
    public boolean historySyncFull() {
        return current.historySyncFull();
    }

    @Override
    public int maxConcurrentRuns() {
        return current.maxConcurrentRuns();
    }

    @Override
    public int runQueueCapacity() {
        return current.runQueueCapacity();
    }

    @Override
    public Duration taskTimeout() {
        return current.taskTimeout();
    }

    @Override
    public Map<String, Duration> taskTimeouts() {
        return current.taskTimeouts();
    }

    @Override
    public Duration shutdownGrace() {
        return current.shutdownGrace();
    }

    @Override
    public Duration syncWait() {
        return current.syncWait();
    }

    @Override
    public Optional<String> value(String key) {
        return current.value(key);
    }

    @Override
    public ConfigReport report() {
        return current.report();
    }
}
