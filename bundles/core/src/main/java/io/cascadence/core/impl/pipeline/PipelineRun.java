package io.cascadence.core.impl.pipeline;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.cascadence.api.Identity;
import io.cascadence.api.RunContext;
import io.cascadence.api.Trigger;

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
    /** How many prerequisites run before this one's stages: they take the first nested run ids. */
    private final int prerequisites;
    private volatile Object intakeResult;
    private volatile Object researchResult;
    private volatile Object planResult;

    PipelineRun(RunSpec spec, int prerequisites, BooleanSupplier cancelled) {
        this(spec.runId(), null, spec.taskName(), spec.identity(), spec.userHash(), spec.groupHash(),
                spec.input(), spec.trigger(), spec.dueAt(), cancelled, prerequisites);
    }

    private PipelineRun(String runId, String parentRunId, String taskName, Identity identity, String userHash,
            String groupHash, Object input, String trigger, Instant dueAt, BooleanSupplier cancelled,
            int prerequisites) {
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
        this.prerequisites = prerequisites;
    }

    /**
     * The run of the {@code index}-th (from 1) task of this run's plan: same identity, input and trigger. Its id
     * comes after those of the prerequisites, so that the nested runs of one run never share an id.
     */
    PipelineRun child(int index) {
        return new PipelineRun(runId + "." + (prerequisites + index), runId, taskName + "/" + index, identity,
                userHash, groupHash, input, trigger, dueAt, cancelled, 0);
    }

    /**
     * The run of the {@code index}-th (from 1) prerequisite, a registered task run before this one: under its own
     * name, with the same identity, input and due time, and the trigger {@link Trigger#DEPENDENCY}, which says
     * why it ran (the trigger of the run that needed it is on that run's record).
     */
    PipelineRun prerequisite(int index, String prerequisiteName) {
        return new PipelineRun(runId + "." + index, runId, prerequisiteName, identity, userHash, groupHash, input,
                Trigger.DEPENDENCY.name(), dueAt, cancelled, 0);
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
