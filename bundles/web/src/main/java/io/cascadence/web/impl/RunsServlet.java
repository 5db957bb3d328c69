package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.Scheduler;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
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
public class RunsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient RunHistory history;

    @Reference
    private transient Scheduler scheduler;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Paths.below(request);
        try {
            if (path.isEmpty()) {
                String task = request.getParameter("task");
                List<RunRecord> page = history.query(RunQueries.parse(request,
                        task == null || task.isBlank() ? null : task.strip()));
                Json.write(response, HttpServletResponse.SC_OK, page.stream().map(RunJson::describe).toList());
                return;
            }
            if (path.size() != 1 || path.get(0).isEmpty()) {
                Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
                return;
            }
            String runId = path.get(0);
            RunRecord record = history.find(runId).orElse(null);
            if (record == null) {
                Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Unknown run: " + runId);
                return;
            }
            Map<String, Object> body = RunJson.describe(record);
            body.put("children", history.children(runId).stream().map(RunJson::describe).toList());
            Json.write(response, HttpServletResponse.SC_OK, body);
        } catch (CascadenceException e) {
            Errors.write(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Paths.below(request);
        if (path.size() != 2 || path.get(0).isEmpty() || !"cancel".equals(path.get(1))) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        String runId = path.get(0);
        try {
            scheduler.cancel(runId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "cancelled");
            body.put("run_id", runId);
            Json.write(response, HttpServletResponse.SC_OK, body);
        } catch (CascadenceException e) {
            Errors.write(response, e);
        }
    }
}
