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
import io.cascadence.api.Identity;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.TaskStore;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /tasks} lists the registered tasks; {@code POST /tasks/{name}/run} runs one through the scheduler
 * and waits, {@code POST /tasks/{name}/run-async} starts one and answers with its run id at once;
 * {@code POST /tasks/{name}/pause|resume|disable|enable} control it (pause and resume take {@code ?run_id=} for
 * one run in progress); {@code GET /tasks/{name}/runs} pages through its run history.
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

    @Reference
    private transient RunHistory history;

    @Reference
    private transient TaskStore store;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> segments = Paths.below(request);
        if (segments.size() == 2 && "runs".equals(segments.get(1))) {
            runs(request, response, segments.get(0));
            return;
        }
        if (!segments.isEmpty()) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        List<Map<String, Object>> tasks = registry.tasks().stream().map(TasksServlet::describe).toList();
        Json.write(response, HttpServletResponse.SC_OK, tasks);
    }

    /** {@code GET /tasks/{name}/runs?offset=0&limit=20}: newest first. Known for tasks that ran, even if gone. */
    private void runs(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        int offset;
        int limit;
        try {
            offset = Paging.parameter(request, "offset", 0, 0, Integer.MAX_VALUE);
            limit = Paging.parameter(request, "limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        List<RunRecord> page = history.forTask(name, offset, limit);
        if (page.isEmpty() && offset == 0 && registry.task(name).isEmpty()) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Unknown task: " + name);
            return;
        }
        Json.write(response, HttpServletResponse.SC_OK, page.stream().map(RunJson::describe).toList());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> segments = Paths.below(request);
        if (segments.isEmpty()) {
            register(request, response);
            return;
        }
        if (segments.size() != 2) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        String name = segments.get(0);
        try {
            switch (segments.get(1)) {
                case "run" -> run(request, response, name);
                case "run-async" -> start(request, response, name);
                case "pause" -> control(request, response, name, true);
                case "resume" -> control(request, response, name, false);
                case "disable" -> state(response, name, "disabled", () -> scheduler.disable(name));
                case "enable" -> state(response, name, "enabled", () -> scheduler.enable(name));
                default -> Json.error(response, HttpServletResponse.SC_NOT_FOUND,
                        "Not found: " + request.getRequestURI());
            }
        } catch (UnknownTaskException | UnknownRunException e) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (TaskStateException e) {
            Json.error(response, HttpServletResponse.SC_CONFLICT, e.getMessage());
        } catch (TaskFailedException e) {
            Map<String, Object> body = Json.error(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage());
            body.put("run_id", e.runId());
            body.put("stage", e.stage());
            Json.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, body);
        }
    }

    /** {@code POST /tasks?path=<bundle>:<class>[&name=][&schedule=]}: registers a task class by path. */
    private void register(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getParameter("path");
        if (path == null || path.isBlank()) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST,
                    "path query parameter is required: 'bundle:Class'");
            return;
        }
        try {
            TaskInfo task = store.register(path, request.getParameter("name"), request.getParameter("schedule"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "registered");
            body.put("name", task.name());
            body.put("schedule", request.getParameter("schedule"));
            Json.write(response, HttpServletResponse.SC_OK, body);
        } catch (StoreUnavailableException e) {
            Json.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
        } catch (CascadenceException e) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        Identity identity = new Identity(request.getHeader(USER_HEADER), request.getHeader(GROUP_HEADER));
        RunResult run = scheduler.run(RunRequest.of(name, Trigger.API).withIdentity(identity));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", run.runId());
        body.put("result", Json.resultValue(run.result()));
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    /** Starts the run and answers at once: 202 with the run id; its record at {@code /runs/{id}} tells the rest. */
    private void start(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        Identity identity = new Identity(request.getHeader(USER_HEADER), request.getHeader(GROUP_HEADER));
        RunHandle handle = scheduler.submit(RunRequest.of(name, Trigger.API).withIdentity(identity));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", handle.runId());
        body.put("status", "running");
        response.setHeader("Location", "/runs/" + handle.runId());
        Json.write(response, HttpServletResponse.SC_ACCEPTED, body);
    }

    /** Pause or resume one run in progress ({@code ?run_id=}, or the original's {@code job_id}), or the task. */
    private void control(HttpServletRequest request, HttpServletResponse response, String name, boolean pause)
            throws IOException {
        RunIdParameter parameter = RunIdParameter.of(request.getParameter("run_id"), request.getParameter("job_id"));
        if (parameter.absent()) {
            state(response, name, pause ? "paused" : "resumed",
                    pause ? () -> scheduler.pause(name) : () -> scheduler.resume(name));
            return;
        }
        String problem = parameter.problem(pause ? "pause" : "resume");
        if (problem != null) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        String runId = parameter.value();
        if (pause) {
            scheduler.pauseRun(name, runId);
        } else {
            scheduler.resumeRun(name, runId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", pause ? "paused" : "resumed");
        body.put("run_id", runId);
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    private static void state(HttpServletResponse response, String name, String status, Runnable change)
            throws IOException {
        try {
            change.run();
        } catch (StoreUnavailableException e) {
            Json.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("name", name);
        Json.write(response, HttpServletResponse.SC_OK, body);
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

}
