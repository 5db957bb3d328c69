package io.cascadence.core.impl.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.cascadence.api.config.ConfigReport;
import io.cascadence.core.impl.CoreConfig;

/**
 * A {@link CoreConfig} whose every getter answers from the effective configuration in force at the time of the
 * call, so a component that asks when it needs a value follows edits live.
 */
abstract class LiveCoreConfig implements CoreConfig {

    /** The configuration in force now. */
    abstract EffectiveConfig current();

    @Override
    public String backend() {
        return current().backend();
    }

    @Override
    public ZoneId timezone() {
        return current().timezone();
    }

    @Override
    public String hashSecret() {
        return current().hashSecret();
    }

    @Override
    public Path stagesPath() {
        return current().stagesPath();
    }

    @Override
    public Path pointersPath() {
        return current().pointersPath();
    }

    @Override
    public Path tasksPath() {
        return current().tasksPath();
    }

    @Override
    public Path schedulesPath() {
        return current().schedulesPath();
    }

    @Override
    public Path runsPath() {
        return current().runsPath();
    }

    @Override
    public Path statesPath() {
        return current().statesPath();
    }

    @Override
    public int runRetention() {
        return current().runRetention();
    }

    @Override
    public int stageRetention() {
        return current().stageRetention();
    }

    @Override
    public Path dataDirectory() {
        return current().dataDirectory();
    }

    @Override
    public String historyUrl() {
        return current().historyUrl();
    }

    @Override
    public String historyUser() {
        return current().historyUser();
    }

    @Override
    public String historyPassword() {
        return current().historyPassword();
    }

    @Override
    public int historyPoolSize() {
        return current().historyPoolSize();
    }

    @Override
    public boolean historySyncFull() {
        return current().historySyncFull();
    }

    @Override
    public int maxConcurrentRuns() {
        return current().maxConcurrentRuns();
    }

    @Override
    public int runQueueCapacity() {
        return current().runQueueCapacity();
    }

    @Override
    public Duration taskTimeout() {
        return current().taskTimeout();
    }

    @Override
    public Map<String, Duration> taskTimeouts() {
        return current().taskTimeouts();
    }

    @Override
    public Duration shutdownGrace() {
        return current().shutdownGrace();
    }

    @Override
    public Path ideasPath() {
        return current().ideasPath();
    }

    @Override
    public Optional<String> value(String key) {
        return current().value(key);
    }

    @Override
    public ConfigReport report() {
        return current().report();
    }
}
