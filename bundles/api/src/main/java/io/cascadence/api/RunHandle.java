package io.cascadence.api;

import java.util.concurrent.CompletionStage;

/**
 * A run that has started: its id at once, its outcome later.
 *
 * @param runId the run's id, known before any stage has run
 * @param completion completes with the result, or exceptionally with a {@link TaskFailedException}
 */
public record RunHandle(String runId, CompletionStage<RunResult> completion) {
}
