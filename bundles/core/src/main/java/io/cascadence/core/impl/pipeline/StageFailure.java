package io.cascadence.core.impl.pipeline;

/** Carries a stage's failure down the rest of the pipeline, which it skips, to the end of the run. */
final class StageFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final String reason;

    StageFailure(String stage, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.stage = stage;
        this.reason = reason;
    }

    String stage() {
        return stage;
    }

    String reason() {
        return reason;
    }
}
