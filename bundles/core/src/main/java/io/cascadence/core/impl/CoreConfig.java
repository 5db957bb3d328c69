package io.cascadence.core.impl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.cascadence.api.config.CascadenceConfig;

/**
 * The core's own view of its configuration: the exported {@link CascadenceConfig} plus the keys only the core
 * reads. Every getter returns the effective value at the time of the call, so a component that calls it when it
 * needs a value follows edits live.
 */
public interface CoreConfig extends CascadenceConfig {

    /** A PostgreSQL JDBC URL, or empty for the embedded database. Read at start. */
    String historyUrl();

    String historyUser();

    String historyPassword();

    /** Connections for run-history queries. */
    int historyPoolSize();

    /** Whether the embedded database forces every commit to disk ({@code history_sync = full}). */
    boolean historySyncFull();

    /** Runs that execute at the same time. */
    int maxConcurrentRuns();

    /** Runs that may wait for a worker. */
    int runQueueCapacity();

    /** The default timeout of a run; zero for none. */
    Duration taskTimeout();

    /** Timeouts of single tasks by name; they win over the task's own property and {@link #taskTimeout()}. */
    Map<String, Duration> taskTimeouts();

    /** How long a stop waits for runs in progress. */
    Duration shutdownGrace();

    /** Where the IdeaStore keeps the ideas users send ({@code ideas.yml}). Read at start. */
    Path ideasPath();
}
