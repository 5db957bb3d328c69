package io.cascadence.core.impl.runs;

import java.time.Duration;

import io.cascadence.core.impl.CoreConfig;
import io.cascadence.core.impl.RegisteredTask;

/**
 * The engine's limits as configured, read at each use. A task's timeout is, first found: its entry in
 * {@code task_timeouts}, its {@code cascadence.task.timeout} service property, {@code task_timeout}.
 */
public final class ConfiguredLimits implements RunEngine.Limits {

    private final CoreConfig config;

    public ConfiguredLimits(CoreConfig config) {
        this.config = config;
    }

    @Override
    public int maxConcurrent() {
        return config.maxConcurrentRuns();
    }

    @Override
    public int queueCapacity() {
        return config.runQueueCapacity();
    }

    @Override
    public Duration timeoutOf(RegisteredTask task) {
        Duration configured = config.taskTimeouts().get(task.name());
        if (configured != null) {
            return configured;
        }
        return task.timeout() != null ? task.timeout() : config.taskTimeout();
    }
}
