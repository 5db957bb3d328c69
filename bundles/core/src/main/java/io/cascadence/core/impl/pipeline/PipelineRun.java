package io.cascadence.core.impl.pipeline;

import java.util.Optional;

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
    private volatile Object intakeResult;
    private volatile Object researchResult;
    private volatile Object planResult;

    PipelineRun(String runId, String parentRunId, String taskName, Identity identity, String userHash,
            String groupHash) {
        this.runId = runId;
        this.parentRunId = parentRunId;
        this.taskName = taskName;
        this.identity = identity;
        this.userHash = userHash;
        this.groupHash = groupHash;
    }

    /** The run of the {@code index}-th (from 1) task of this run's plan. */
    PipelineRun child(int index) {
        return new PipelineRun(runId + "." + index, runId, taskName + "/" + index, identity, userHash, groupHash);
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
