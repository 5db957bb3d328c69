package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.Identity;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.Scheduler;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.WorkflowHistories;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /runs?task=&status=&trigger=&since=&until=&offset=&limit=}: runs of every task, newest first;
 * {@code GET /runs/{run_id}}: one run's record, with the records of the runs its plan started;
 * {@code POST /runs/{run_id}/cancel}: ends a queued or running run as cancelled.
 *
 * <p>Under {@code backend = temporal} installations that share a task queue but not a run history run each other's
 * runs: a run this one has no record of is looked up from its workflow ({@link WorkflowHistories#describe}), with
 * {@code "source": "temporal"}, and cancelled through it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-runs")
@HttpWhiteboardServletPattern({"/runs", "/runs/*"})
public class RunsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(
            Routes.route("", "GET"),
            Routes.route("{run_id}", "GET"),
            Routes.route("{run_id}/cancel", "POST"));

    @Reference
    private transient RunHistory history;

    @Reference
    private transient Scheduler scheduler;

    @Reference
    private transient CascadenceConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile WorkflowHistories workflows;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Paths.below(request);
        if (path.isEmpty()) {
            String task = request.getParameter("task");
            List<RunRecord> page = history.query(RunQueries.parse(request,
                    task == null || task.isBlank() ? null : task.strip(), config.hashSecret()));
            Json.write(response, HttpServletResponse.SC_OK, page.stream().map(RunJson::describe).toList());
            return;
        }
        String runId = path.get(0);
        Optional<RunRecord> record = onRecord(history, config, request, runId);
        if (record.isEmpty()) {
            Json.write(response, HttpServletResponse.SC_OK, fromWorkflow(runId));
            return;
        }
        Map<String, Object> body = RunJson.describe(record.get());
        body.put("children", history.children(runId).stream().map(RunJson::describe).toList());
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * A run not on record here, as its workflow describes it, in a record's shape: its current stage as a started
     * stage, the stage it failed at as its failed stage.
     *
     * @throws UnknownRunException when there is no such workflow, or no Temporal backend to ask
     * @throws BackendUnavailableException under {@code backend = temporal} while its service does not answer: then
     *         whether the run exists cannot be told
     */
    private Map<String, Object> fromWorkflow(String runId) {
        WorkflowHistories now = workflows;
        WorkflowHistories.WorkflowRun run;
        try {
            if (now == null) {
                throw new UnknownRunException(runId, "Unknown run");
            }
            run = now.describe(runId);
        } catch (UnknownRunException e) {
            throw new UnknownRunException(runId, "Unknown run");
        }
        boolean ended = RunRecord.ended(run.status());
        List<RunRecord.StageRecord> stages = ended || run.stage() == null ? List.of()
                : List.of(new RunRecord.StageRecord(run.stage(), "started", null, null, null));
        String failedStage = ended && !RunRecord.SUCCESS.equals(run.status()) ? run.stage() : null;
        RunRecord record = new RunRecord(run.runId(), run.taskName(), null, run.trigger(), run.status(), null, null,
                null, null, null, null, null, null, null, failedStage, stages);
        Map<String, Object> body = RunJson.describe(record);
        body.put("paused", run.paused());
        body.put("source", "temporal");
        body.put("children", List.of());
        return body;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String runId = Paths.below(request).get(0);
        // A run this installation has no record of may be a workflow another installation's worker runs (backend
        // temporal, each installation with its own history): the backend is asked, and it is unknown if it does
        // not know it either.
        onRecord(history, config, request, runId);
        scheduler.cancel(runId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "cancelled");
        body.put("run_id", runId);
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * The run on this installation's record, read once: empty when it is not on record and the caller's token is not
     * bound to a user (it may be another installation's run on Temporal).
     *
     * @throws UnknownRunException for a caller bound to a user when the run is not that user's run on record (so
     *         that another's existence is not told either): such a caller reaches only runs it can see on record
     */
    static Optional<RunRecord> onRecord(RunHistory history, CascadenceConfig config, HttpServletRequest request,
            String runId) {
        Optional<RunRecord> record = history.find(runId);
        Identity bound = BoundIdentityRequest.of(request);
        if (bound == null) {
            return record;
        }
        String caller = Identity.hash(config.hashSecret(), bound.userId());
        return Optional.of(record.filter(r -> caller.equals(r.userHash()))
                .orElseThrow(() -> new UnknownRunException(runId, "Unknown run")));
    }
}
