package io.cascadence.api;

/**
 * The outcome of a successful run.
 *
 * @param runId the run's id
 * @param taskName the task that ran
 * @param result what the task returned ({@code null} when it returned nothing)
 */
public record RunResult(String runId, String taskName, Object result) {
}
