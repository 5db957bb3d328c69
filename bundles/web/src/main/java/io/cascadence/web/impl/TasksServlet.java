package io.cascadence.web.impl;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.TaskStore;
import io.cascadence.api.Trigger;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /tasks} lists the registered tasks; {@code POST /tasks/{name}/run} runs one through the scheduler
 * and waits, {@code POST /tasks/{name}/run-async} starts one and answers with its run id at once;
 * {@code POST /tasks/{name}/pause|resume|disable|enable} control it (pause and resume take {@code ?run_id=} for
 * one run in progress); {@code GET /tasks/{name}/runs} pages through its run history. How long a synchronous run
 * waits is {@code sync_wait} of the web bundle's {@link WebConfiguration}, applied live.
 */
@Component(service = Servlet.class, configurationPid = WebConfiguration.PID)
@Designate(ocd = WebConfiguration.class)
@HttpWhiteboardServletName("cascadence-tasks")
@HttpWhiteboardServletPattern({"/tasks", "/tasks/*"})
@HttpWhiteboardServletAsyncSupported
public class TasksServlet extends HttpServlet {

    static final String USER_HEADER = "X-User-ID";
    static final String GROUP_HEADER = "X-Group-ID";
    static final String TRIGGER_HEADER = "X-Cascadence-Trigger";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TasksServlet.class);

    @Reference
    private transient TaskRegistry registry;

    @Reference
    private transient Scheduler scheduler;

    @Reference
    private transient RunHistory history;

    @Reference
    private transient TaskStore store;

    private transient volatile Duration syncWait;

    /** Changes apply to the next run request; the servlet stays registered. */
    @Activate
    @Modified
    void configure(WebConfiguration configuration) {
        Duration wait = SyncWait.of(configuration.sync__wait());
        if (!wait.equals(syncWait)) {
            LOG.info("POST /tasks/NAME/run waits up to {} s for a result (sync_wait)", SyncWait.seconds(wait));
        }
        syncWait = wait;
    }

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

    /**
     * {@code GET /tasks/{name}/runs?status=&trigger=&since=&until=&offset=0&limit=20}: newest first. Known for
     * tasks that ran, even if they are gone.
     */
    private void runs(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        RunQuery query;
        try {
            query = RunQueries.parse(request, name);
        } catch (CascadenceException e) {
            Errors.write(response, e);
            return;
        }
        List<RunRecord> page = history.query(query);
        if (page.isEmpty() && query.offset() == 0 && registry.task(name).isEmpty()
                && history.forTask(name, 0, 1).isEmpty()) {
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
        } catch (CascadenceException e) {
            Errors.write(response, e);
        } catch (RequestBodies.BodyTooLargeException e) {
            Json.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
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
        } catch (CascadenceException e) {
            Errors.write(response, e);
        }
    }

    /**
     * Runs the task and answers with its result: 200 {@code {"run_id", "result"}}, or the failure. The run goes on
     * on a worker thread; this request gives its HTTP thread back while it waits, and after {@code sync_wait}
     * answers 202 {@code {"run_id", "status": "running"}} with {@code Location: /runs/{id}}, so no number of slow
     * runs can take every HTTP thread.
     */
    private void run(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        RunHandle handle = scheduler.submit(runRequest(request, name));
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the wait below ends it, not the container
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<RunResult> done = handle.completion().toCompletableFuture();
        Duration wait = syncWait;
        CompletableFuture.runAsync(() -> {
            if (answered.compareAndSet(false, true)) {
                answer(async, () -> accepted((HttpServletResponse) async.getResponse(), handle.runId()));
            }
        }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
        done.whenComplete((result, error) -> {
            if (answered.compareAndSet(false, true)) {
                answer(async, () -> finished((HttpServletResponse) async.getResponse(), result, error));
            }
        });
    }

    private static void finished(HttpServletResponse response, RunResult result, Throwable error) throws IOException {
        if (error == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("run_id", result.runId());
            body.put("result", Json.resultValue(result.result()));
            Json.write(response, HttpServletResponse.SC_OK, body);
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CascadenceException known) {
            Errors.write(response, known);
        } else {
            LOG.error("A run ended with an unexpected error", cause);
            Json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error: " + cause);
        }
    }

    private interface Answer {
        void write() throws IOException;
    }

    private static void answer(AsyncContext async, Answer answer) {
        try {
            answer.write();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not answer a run request (the client may be gone): {}", e.toString());
        } finally {
            async.complete();
        }
    }

    /** Starts the run and answers at once: 202 with the run id; its record at {@code /runs/{id}} tells the rest. */
    private void start(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        RunHandle handle = scheduler.submit(runRequest(request, name));
        accepted(response, handle.runId());
    }

    private static void accepted(HttpServletResponse response, String runId) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", runId);
        body.put("status", "running");
        response.setHeader("Location", "/runs/" + runId);
        Json.write(response, HttpServletResponse.SC_ACCEPTED, body);
    }

    /**
     * The request's identity headers, its JSON body, if any, as the run's input, and its trigger: {@code api}, or
     * {@code cli} when {@code bin/task} says so in {@value #TRIGGER_HEADER}.
     */
    private static RunRequest runRequest(HttpServletRequest request, String name) throws IOException {
        Identity identity = new Identity(request.getHeader(USER_HEADER), request.getHeader(GROUP_HEADER));
        return RunRequest.of(name, trigger(request)).withIdentity(identity).withInput(RequestBodies.json(request));
    }

    private static Trigger trigger(HttpServletRequest request) {
        String value = request.getHeader(TRIGGER_HEADER);
        if (value == null || value.isBlank() || value.strip().equals(Trigger.API.name())) {
            return Trigger.API;
        }
        if (value.strip().equals(Trigger.CLI.name())) {
            return Trigger.CLI;
        }
        throw new InvalidRequestException(TRIGGER_HEADER + " is '" + value + "'; expected api or cli");
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
        change.run(); // a refusal (unknown task, a store that cannot be written) is answered by doPost
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
