package io.cascadence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Temporal workflow histories of runs (under {@code backend = temporal} a run is a workflow whose id is the run
 * id): exported from the Temporal service, and replayed against the run workflow of this installation's code with
 * Temporal's own replayer, which says whether the code still makes the decisions the history records (whether it
 * is deterministic for it): the seed's "replay workflow histories for debugging". The Temporal backend's bundle
 * provides it whatever the configured backend. {@code GET /temporal/history/{run_id}},
 * {@code POST /temporal/replay} and {@code task replay-history FILE} call it.
 *
 * @since 1.3
 */
@ProviderType
public interface WorkflowHistories {

    /** The workflow type of a run, {@value}, as Temporal's UI and an exported history name it. */
    String RUN_WORKFLOW = "CascadenceRun";

    /**
     * What a surface says when no service of this type is there, after what needed it ("history replay"):
     * {@value}.
     */
    String NOT_INSTALLED = "needs the Temporal backend's bundle (io.cascadence.temporal), which is not installed "
            + "or not started";

    /**
     * The history of a run's workflow, from the Temporal service, as JSON that {@link #replay} and Temporal's tools
     * read.
     *
     * @param runId the run's id (its workflow's id)
     * @return the history, JSON text with an {@code events} array
     * @throws UnknownRunException when the Temporal service has no workflow with that id
     * @throws BackendUnavailableException when no Temporal service is connected ({@code backend} is not
     *         {@code temporal}, or the service does not answer)
     */
    String export(String runId);

    /**
     * A run as its workflow knows it, asked of the workflow itself (Temporal queries): how a run that another
     * installation's worker runs (or ran) is looked up from this one, whose run history may not have it.
     *
     * @param runId the run's id (its workflow's id)
     * @return the run's task, trigger, status and current stage
     * @throws UnknownRunException when the Temporal service has no run workflow with that id
     * @throws BackendUnavailableException when no Temporal service is connected, or it does not answer
     */
    WorkflowRun describe(String runId);

    /**
     * Replays one history. Needs no Temporal service.
     *
     * @param history the history as Temporal exports it: JSON with an {@code events} array (the UI's "Download",
     *        {@code temporal workflow show --output json}, or {@code WorkflowExecutionHistory.toJson})
     * @return the outcome; a history that the code does not replay deterministically is an outcome too
     * @throws InvalidRequestException when the text is not such a history, or is a history of another workflow type
     *         than {@value #RUN_WORKFLOW}, naming what is wrong
     */
    Outcome replay(String history);

    /**
     * What a replay found.
     *
     * @param deterministic whether the code made every decision the history records
     * @param workflowId the workflow's id as the history gives it (the run id), or {@code null} when it does not
     * @param events the number of events replayed
     * @param problem when not deterministic, what Temporal's replayer says of the difference (the innermost message
     *        it gives, which may not name the event); else {@code null}
     */
    record Outcome(boolean deterministic, String workflowId, int events, String problem) {
    }

    /**
     * A run as its workflow knows it.
     *
     * @param runId the run's id
     * @param taskName the task
     * @param trigger what started it ({@code api}, {@code cron}, ...)
     * @param status a {@link RunRecord} status: {@code queued} until the workflow hands the run to a worker, then
     *        {@code running}, then how it ended ({@code success}, {@code error}, {@code cancelled},
     *        {@code timed_out}, or {@code interrupted} when every attempt's worker was lost)
     * @param stage the stage in progress as the worker running it last reported it (every few seconds), the stage
     *        that failed for a run that did not succeed, or {@code null} when none is known
     * @param paused whether the run has been asked to hold before its next stage
     */
    record WorkflowRun(String runId, String taskName, String trigger, String status, String stage, boolean paused) {
    }
}
