package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.Identity;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.UnknownTaskException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /tasks} lists the registered tasks; {@code POST /tasks/{name}/run} runs one through the scheduler.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-tasks")
@HttpWhiteboardServletPattern({"/tasks", "/tasks/*"})
public class TasksServlet extends HttpServlet {

    static final String USER_HEADER = "X-User-ID";
    static final String GROUP_HEADER = "X-Group-ID";

    private static final long serialVersionUID = 1L;

    @Reference
    private transient TaskRegistry registry;

    @Reference
    private transient Scheduler scheduler;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!segments(request).isEmpty()) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        List<Map<String, Object>> tasks = registry.tasks().stream().map(TasksServlet::describe).toList();
        Json.write(response, HttpServletResponse.SC_OK, tasks);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> segments = segments(request);
        if (segments.size() != 2 || !"run".equals(segments.get(1))) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        Identity identity = new Identity(request.getHeader(USER_HEADER), request.getHeader(GROUP_HEADER));
        try {
            RunResult run = scheduler.run(segments.get(0), identity);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("run_id", run.runId());
            body.put("result", Json.resultValue(run.result()));
            Json.write(response, HttpServletResponse.SC_OK, body);
        } catch (UnknownTaskException e) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (TaskFailedException e) {
            Map<String, Object> body = Json.error(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage());
            body.put("run_id", e.runId());
            Json.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, body);
        }
    }

    private static Map<String, Object> describe(TaskInfo task) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", task.name());
        body.put("disabled", task.disabled());
        body.put("paused", task.paused());
        body.put("bundle", task.bundle());
        body.put("version", task.bundleVersion());
        return body;
    }

    /** The path below {@code /tasks}, split on '/'; the container has already decoded it. */
    private static List<String> segments(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            return List.of();
        }
        return List.of(path.substring(1).split("/", -1));
    }
}
