package io.cascadence.core.impl.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.core.impl.CoreConfig;

/** An immutable view of one resolved configuration, as the {@link CascadenceConfig} service hands it out. */
final class EffectiveConfig implements CoreConfig {

    static final String MASK = "********";

    private final ResolvedConfig resolved;
    private final Path dataDirectory;
    private final String yamlFile;

    EffectiveConfig(ResolvedConfig resolved, Path dataDirectory, String yamlFile) {
        this.resolved = resolved;
        this.dataDirectory = dataDirectory;
        this.yamlFile = yamlFile;
    }

    ResolvedConfig resolved() {
        return resolved;
    }

    @Override
    public String backend() {
        return resolved.value(ConfigKey.BACKEND, String.class);
    }

    @Override
    public ZoneId timezone() {
        return resolved.value(ConfigKey.TIMEZONE, ZoneId.class);
    }

    @Override
    public String hashSecret() {
        return resolved.value(ConfigKey.HASH_SECRET, String.class);
    }

    @Override
    public Path stagesPath() {
        return inData(ConfigKey.STAGES_PATH);
    }

    @Override
    public Path pointersPath() {
        return inData(ConfigKey.POINTERS_PATH);
    }

    @Override
    public Path tasksPath() {
        return inData(ConfigKey.TASKS_PATH);
    }

    @Override
    public Path schedulesPath() {
        return inData(ConfigKey.SCHEDULES_PATH);
    }

    @Override
    public Path runsPath() {
        return inData(ConfigKey.RUNS_PATH);
    }

    @Override
    public Path statesPath() {
        return inData(ConfigKey.STATES_PATH);
    }

    @Override
    public int runRetention() {
        return resolved.value(ConfigKey.RUN_RETENTION, Integer.class);
    }

    @Override
    public int stageRetention() {
        return resolved.value(ConfigKey.STAGE_RETENTION, Integer.class);
    }

    @Override
    public String historyUrl() {
        return resolved.value(ConfigKey.HISTORY_URL, String.class);
    }

    @Override
    public String historyUser() {
        return resolved.value(ConfigKey.HISTORY_USER, String.class);
    }

    @Override
    public String historyPassword() {
        return resolved.value(ConfigKey.HISTORY_PASSWORD, String.class);
    }

    @Override
    public int historyPoolSize() {
        return resolved.value(ConfigKey.HISTORY_POOL_SIZE, Integer.class);
    }

    @Override
    public boolean historySyncFull() {
        return "full".equals(resolved.value(ConfigKey.HISTORY_SYNC, String.class));
    }

    @Override
    public int maxConcurrentRuns() {
        return resolved.value(ConfigKey.MAX_CONCURRENT_RUNS, Integer.class);
    }

    @Override
    public int runQueueCapacity() {
        return resolved.value(ConfigKey.RUN_QUEUE_CAPACITY, Integer.class);
    }

    @Override
    public Duration taskTimeout() {
        return resolved.value(ConfigKey.TASK_TIMEOUT, Duration.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Duration> taskTimeouts() {
        return resolved.value(ConfigKey.TASK_TIMEOUTS, Map.class);
    }

    @Override
    public Duration shutdownGrace() {
        return resolved.value(ConfigKey.SHUTDOWN_GRACE, Duration.class);
    }

    @Override
    public Duration syncWait() {
        return resolved.value(ConfigKey.SYNC_WAIT, Duration.class);
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Optional<String> value(String key) {
        return ConfigKey.byName(key).map(k -> resolved.get(k).text());
    }

    @Override
    public ConfigReport report() {
        List<ConfigEntry> entries = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            ResolvedValue value = resolved.get(key);
            String shown = key.secret() && !value.text().isEmpty() ? MASK : value.text();
            entries.add(new ConfigEntry(key.key(), shown, value.source(), value.origin(), key.environmentVariable(),
                    key.description()));
        }
        return new ConfigReport(PID, yamlFile, entries, resolved.problems());
    }

    private Path inData(ConfigKey key) {
        return dataDirectory.resolve(resolved.value(key, Path.class)).normalize();
    }
}
