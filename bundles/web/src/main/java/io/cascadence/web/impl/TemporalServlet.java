package io.cascadence.web.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.RunHistory;
import io.cascadence.api.WorkflowHistories;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The workflow histories of runs under {@code backend = temporal} ({@link WorkflowHistories}):
 * <ul>
 * <li>{@code GET /temporal/history/{run_id}}: the history of a run on record, as Temporal exports it (JSON with an
 * {@code events} array), also of a run another installation on the same service ran; 404 for a run unknown to
 * Temporal (or, with a token bound to a user, not that user's run on record), 503 when no Temporal service is
 * connected;</li>
 * <li>{@code POST /temporal/replay}: the body is such a history; the answer says whether this installation's code
 * replays it deterministically: 200 with {@code {"deterministic", "workflow_id", "events", "error"}} either way, 400
 * naming the problem when the body is not a history of a run.</li>
 * </ul>
 * Both answer 503 when the Temporal backend's bundle is not there.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-temporal")
@HttpWhiteboardServletPattern("/temporal/*")
public class TemporalServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(
            Routes.route("history/{run_id}", "GET"),
            Routes.route("replay", "POST"));

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile WorkflowHistories histories;

    @Reference
    private transient RunHistory history;

    @Reference
    private transient CascadenceConfig config;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WorkflowHistories now = require();
        String runId = Paths.below(request).get(1);
        RunsServlet.onRecord(history, config, request, runId);
        byte[] body = now.export(runId).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + runId + ".history.json\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WorkflowHistories now = require();
        String text = new String(RequestBodies.bytes(request, BodyLimit.of(config)), StandardCharsets.UTF_8);
        WorkflowHistories.Outcome outcome = now.replay(text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deterministic", outcome.deterministic());
        body.put("workflow_id", outcome.workflowId());
        body.put("events", outcome.events());
        body.put("error", outcome.problem());
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    private WorkflowHistories require() {
        WorkflowHistories now = histories;
        if (now == null) {
            throw new BackendUnavailableException("temporal", "workflow history " + WorkflowHistories.NOT_INSTALLED);
        }
        return now;
    }
}
