package io.cascadence.core.impl;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;

/** An immutable view of one resolved configuration, as the {@link CascadenceConfig} service hands it out. */
final class EffectiveConfig implements CascadenceConfig {

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
