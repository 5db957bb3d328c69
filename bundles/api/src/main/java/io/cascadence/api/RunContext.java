package io.cascadence.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What a task's stages are told about the run they are part of, and what the earlier stages produced. */
@ProviderType
public interface RunContext {

    /**
     * The id of this run: a random UUID, or for a nested pipeline its parent's id followed by {@code .N} (its place
     * in the parent's plan, from 1), so that a child's id names its whole ancestry.
     */
    String runId();

    /** For a nested pipeline, the run id of the pipeline whose plan started it. */
    Optional<String> parentRunId();

    /** The name the task is registered under; for a nested task, its parent's name followed by {@code /N}. */
    String taskName();

    /** Who asked for the run, as given; {@link Identity#ANONYMOUS} when nobody said. Never persisted. */
    Identity identity();

    /** The user id as it is recorded and sent: SHA-256 of the hash secret followed by the id, in hex. */
    Optional<String> userHash();

    /** The group id as it is recorded and sent, hashed like {@link #userHash()}. */
    Optional<String> groupHash();

    /**
     * The run's input as the request carried it: a JSON-like value (unmodifiable maps with string keys, lists,
     * strings, numbers, booleans) or {@code null} without one. A webhook delivery's input is its payload; a nested
     * run sees its parent's input.
     */
    Object input();

    /** What asked for the run ({@code api}, {@code cron}, {@code webhook}, ...); a nested run has its parent's. */
    String trigger();

    /** For a scheduled fire, when it was due (UTC); empty otherwise. */
    Optional<Instant> dueAt();

    /**
     * Whether the run has been cancelled, has timed out or Cascadence is stopping. The stage in progress is
     * interrupted too; a long stage that does not block interruptibly should look here now and then and return.
     */
    boolean cancelled();

    /** What the intake stage returned; {@code null} before it ran or without one. */
    Object intakeResult();

    /** The research provider's answer; {@code null} when there was none. */
    Object researchResult();

    /**
     * What the plan stage returned or, when it returned sub-tasks, the list of their results; {@code null} when
     * there was no plan.
     */
    Object planResult();
}
