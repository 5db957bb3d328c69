package io.cascadence.core.impl.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.PidReport;
import io.cascadence.core.impl.CoreConfig;

/** An immutable view of every PID's resolved configuration, as the {@link CascadenceConfig} service hands it out. */
final class EffectiveConfig implements CoreConfig {

    static final String MASK = "********";

    private final Map<ConfigPid, ResolvedConfig> resolved;
    private final Map<ConfigPid, String> files;
    private final List<String> problems;
    private final Path dataDirectory;
    private final String yamlFile;

    /**
     * @param resolved every PID's configuration
     * @param files the file in force for each PID that has one
     * @param problems what is wrong beyond single PIDs (the YAML file, the config folder); each PID's own follow
     */
    EffectiveConfig(Map<ConfigPid, ResolvedConfig> resolved, Map<ConfigPid, String> files, List<String> problems,
            Path dataDirectory, String yamlFile) {
        this.resolved = new EnumMap<>(resolved);
        this.files = new EnumMap<>(ConfigPid.class);
        this.files.putAll(files);
        Set<String> all = new LinkedHashSet<>(problems);
        this.resolved.values().forEach(r -> all.addAll(r.problems()));
        this.problems = List.copyOf(all);
        this.dataDirectory = dataDirectory;
        this.yamlFile = yamlFile;
    }

    ResolvedConfig resolved(ConfigPid pid) {
        return resolved.get(pid);
    }

    List<String> problems() {
        return problems;
    }

    private <T> T value(ConfigKey key, Class<T> type) {
        return resolved.get(key.pid()).value(key, type);
    }

    @Override
    public String backend() {
        return value(ConfigKey.BACKEND, String.class);
    }

    @Override
    public ZoneId timezone() {
        return value(ConfigKey.TIMEZONE, ZoneId.class);
    }

    @Override
    public String hashSecret() {
        return value(ConfigKey.HASH_SECRET, String.class);
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
        return value(ConfigKey.RUN_RETENTION, Integer.class);
    }

    @Override
    public int stageRetention() {
        return value(ConfigKey.STAGE_RETENTION, Integer.class);
    }

    @Override
    public String historyUrl() {
        return value(ConfigKey.HISTORY_URL, String.class);
    }

    @Override
    public String historyUser() {
        return value(ConfigKey.HISTORY_USER, String.class);
    }

    @Override
    public String historyPassword() {
        return value(ConfigKey.HISTORY_PASSWORD, String.class);
    }

    @Override
    public int historyPoolSize() {
        return value(ConfigKey.HISTORY_POOL_SIZE, Integer.class);
    }

    @Override
    public boolean historySyncFull() {
        return "full".equals(value(ConfigKey.HISTORY_SYNC, String.class));
    }

    @Override
    public int maxConcurrentRuns() {
        return value(ConfigKey.MAX_CONCURRENT_RUNS, Integer.class);
    }

    @Override
    public int runQueueCapacity() {
        return value(ConfigKey.RUN_QUEUE_CAPACITY, Integer.class);
    }

    @Override
    public Duration taskTimeout() {
        return value(ConfigKey.TASK_TIMEOUT, Duration.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Duration> taskTimeouts() {
        return value(ConfigKey.TASK_TIMEOUTS, Map.class);
    }

    @Override
    public Duration shutdownGrace() {
        return value(ConfigKey.SHUTDOWN_GRACE, Duration.class);
    }

    @Override
    public Path ideasPath() {
        return inData(ConfigKey.IDEAS_PATH);
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Optional<String> value(String key) {
        return ConfigKey.byName(key).map(k -> resolved.get(k.pid()).get(k).normalised());
    }

    @Override
    public ConfigReport report() {
        List<PidReport> pids = new ArrayList<>();
        for (ConfigPid pid : ConfigPid.values()) {
            List<ConfigEntry> entries = new ArrayList<>();
            for (ConfigKey key : ConfigKey.of(pid)) {
                ResolvedValue value = resolved.get(pid).get(key);
                String text = value.normalised();
                String shown = key.secret() && !text.isEmpty() ? MASK : text;
                entries.add(new ConfigEntry(key.key(), shown, value.source(), value.origin(),
                        key.environmentVariable(), key.description(), key.applies()));
            }
            pids.add(new PidReport(pid.pid(), files.get(pid), entries));
        }
        return new ConfigReport(yamlFile, pids, problems);
    }

    private Path inData(ConfigKey key) {
        return dataDirectory.resolve(value(key, Path.class)).normalize();
    }
}
