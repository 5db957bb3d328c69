package io.cascadence.web.impl;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /runs/{run_id}}: one run's record, with the records of the runs its plan started. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-runs")
@HttpWhiteboardServletPattern("/runs/*")
public class RunsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient RunHistory history;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String runId = path == null || path.length() < 2 ? "" : path.substring(1);
        if (runId.isEmpty() || runId.contains("/")) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        RunRecord record = history.find(runId).orElse(null);
        if (record == null) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Unknown run: " + runId);
            return;
        }
        Map<String, Object> body = RunJson.describe(record);
        body.put("children", history.children(runId).stream().map(RunJson::describe).toList());
        Json.write(response, HttpServletResponse.SC_OK, body);
    }
}
