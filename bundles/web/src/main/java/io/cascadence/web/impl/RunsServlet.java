package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.Identity;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.Scheduler;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /runs?task=&status=&trigger=&since=&until=&offset=&limit=}: runs of every task, newest first;
 * {@code GET /runs/{run_id}}: one run's record, with the records of the runs its plan started;
 * {@code POST /runs/{run_id}/cancel}: ends a queued or running run as cancelled.
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
        RunRecord record = visible(history, config, request, runId);
        Map<String, Object> body = RunJson.describe(record);
        body.put("children", history.children(runId).stream().map(RunJson::describe).toList());
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String runId = Paths.below(request).get(0);
        if (history.find(runId).isPresent() || BoundIdentityRequest.of(request) != null) {
            visible(history, config, request, runId);
        }
        // A run this installation has no record of may be a workflow another installation's worker runs (backend
        // temporal, each installation with its own history): the backend is asked, and it is unknown if it does
        // not know it either. A caller bound to a user may only end runs it can see on record.
        scheduler.cancel(runId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "cancelled");
        body.put("run_id", runId);
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * The run, when the caller may see it: with a token bound to a user, only that user's runs are there for it
     * (another's is answered as unknown, so that its existence is not told either).
     */
    /** The run on record, when the caller may see it (a token bound to a user sees that user's runs). */
    static RunRecord visible(RunHistory history, CascadenceConfig config, HttpServletRequest request, String runId) {
        Optional<RunRecord> record = history.find(runId);
        Identity bound = BoundIdentityRequest.of(request);
        if (bound != null) {
            String caller = Identity.hash(config.hashSecret(), bound.userId());
            record = record.filter(r -> caller.equals(r.userHash()));
        }
        return record.orElseThrow(() -> new UnknownRunException(runId, "Unknown run"));
    }
}
