package io.cascadence.core.impl.pipeline;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.cascadence.api.Identity;
import io.cascadence.api.RunContext;

/** The state of one run that its stages can see: who, which run, and what earlier stages produced. */
final class PipelineRun implements RunContext {

    private final String runId;
    private final String parentRunId;
    private final String taskName;
    private final Identity identity;
    private final String userHash;
    private final String groupHash;
    private final Object input;
    private final String trigger;
    private final Instant dueAt;
    private final BooleanSupplier cancelled;
    private volatile Object intakeResult;
    private volatile Object researchResult;
    private volatile Object planResult;

    PipelineRun(RunSpec spec, String parentRunId, BooleanSupplier cancelled) {
        this(spec.runId(), parentRunId, spec.taskName(), spec.identity(), spec.userHash(), spec.groupHash(),
                spec.input(), spec.trigger(), spec.dueAt(), cancelled);
    }

    private PipelineRun(String runId, String parentRunId, String taskName, Identity identity, String userHash,
            String groupHash, Object input, String trigger, Instant dueAt, BooleanSupplier cancelled) {
        this.runId = runId;
        this.parentRunId = parentRunId;
        this.taskName = taskName;
        this.identity = identity;
        this.userHash = userHash;
        this.groupHash = groupHash;
        this.input = input;
        this.trigger = trigger;
        this.dueAt = dueAt;
        this.cancelled = cancelled;
    }

    /** The run of the {@code index}-th (from 1) task of this run's plan: same identity, input and trigger. */
    PipelineRun child(int index) {
        return new PipelineRun(runId + "." + index, runId, taskName + "/" + index, identity, userHash, groupHash,
                input, trigger, dueAt, cancelled);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Optional<String> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    String parentRunIdOrNull() {
        return parentRunId;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public Optional<String> userHash() {
        return Optional.ofNullable(userHash);
    }

    @Override
    public Optional<String> groupHash() {
        return Optional.ofNullable(groupHash);
    }

    String userHashOrNull() {
        return userHash;
    }

    String groupHashOrNull() {
        return groupHash;
    }

    @Override
    public Object input() {
        return input;
    }

    @Override
    public String trigger() {
        return trigger;
    }

    @Override
    public Optional<Instant> dueAt() {
        return Optional.ofNullable(dueAt);
    }

    Instant dueAtOrNull() {
        return dueAt;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public Object intakeResult() {
        return intakeResult;
    }

    void intakeResult(Object value) {
        intakeResult = value;
    }

    @Override
    public Object researchResult() {
        return researchResult;
    }

    void researchResult(Object value) {
        researchResult = value;
    }

    @Override
    public Object planResult() {
        return planResult;
    }

    void planResult(Object value) {
        planResult = value;
    }
}
