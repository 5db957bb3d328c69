package io.cascadence.web.impl;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.PointerStore;
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
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.Schedules;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /tasks} lists the registered tasks and {@code GET /tasks/{name}} gives one ({@link TaskEntries});
 * {@code POST /tasks/{name}/run} runs one through the scheduler and waits, {@code POST /tasks/{name}/run-async} starts one and answers with its run id at once;
 * {@code POST /tasks/{name}/trigger} runs a manual-trigger task as {@code run} does and refuses any other;
 * {@code POST /tasks/{name}/pause|resume|disable|enable} control it (pause and resume take {@code ?run_id=} for
 * one run in progress); {@code GET /tasks/{name}/runs} pages through its run history;
 * {@code POST|DELETE /tasks/{name}/schedule} and {@code POST /tasks/{name}/dependencies} are
 * {@link TaskScheduleRoutes}. What they refuse is thrown
 * and answered by {@link JsonErrorsFilter}, except a synchronous run's outcome, which comes after the request's
 * thread has gone. How long a synchronous run waits is {@code sync_wait} of the web bundle's
 * {@link WebConfiguration}, applied live.
 */
@Component(service = Servlet.class, configurationPid = WebConfiguration.PID)
@Designate(ocd = WebConfiguration.class)
@HttpWhiteboardServletName("cascadence-tasks")
@HttpWhiteboardServletPattern({"/tasks", "/tasks/*"})
@HttpWhiteboardServletAsyncSupported
public class TasksServlet extends RoutedServlet {

    static final String USER_HEADER = "X-User-ID";
    static final String GROUP_HEADER = "X-Group-ID";
    static final String TRIGGER_HEADER = "X-Cascadence-Trigger";
    /** The original's query parameter, and the backend's name, of a run sent to Temporal whatever the backend. */
    static final String TEMPORAL = "temporal";
    /** The query parameter of {@code POST /tasks} that gives a registration its schedule, as the original's. */
    static final String REGISTER_SCHEDULE = "schedule";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TasksServlet.class);
    private static final Routes ROUTES = Routes.of(
            Routes.route("", "GET", "POST"),
            Routes.route("{name}", "GET"),
            Routes.route("{name}/run", "POST"),
            Routes.route("{name}/run-async", "POST"),
            Routes.route("{name}/pause", "POST"),
            Routes.route("{name}/resume", "POST"),
            Routes.route("{name}/disable", "POST"),
            Routes.route("{name}/enable", "POST"),
            Routes.route("{name}/runs", "GET"),
            Routes.route("{name}/schedule", "POST", "DELETE"),
            Routes.route("{name}/dependencies", "POST"),
            Routes.route("{name}/trigger", "POST"));

    @Reference
    private transient TaskRegistry registry;

    @Reference
    private transient Scheduler scheduler;

    @Reference
    private transient RunHistory history;

    @Reference
    private transient TaskStore store;

    @Reference
    private transient CascadenceConfig config;

    @Reference
    private transient PointerStore pointers;

    /** Optional and dynamic: without it the schedule routes answer 503 and everything else goes on. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Schedules schedules;

    private transient volatile Duration syncWait;

    private transient TaskScheduleRoutes scheduleRoutes;

    /** Changes apply to the next run request; the servlet stays registered. */
    @Activate
    void activate(WebConfiguration configuration) {
        // The timer of synchronous runs' waits: one daemon thread; a cancelled wait leaves its queue at once.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "cascadence-sync-wait");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        waits = timer;
        scheduleRoutes = new TaskScheduleRoutes(() -> schedules, config);
        configure(configuration);
    }

    @Modified
    void configure(WebConfiguration configuration) {
        Duration wait = SyncWait.of(configuration.sync__wait());
        if (!wait.equals(syncWait)) {
            LOG.info("POST /tasks/NAME/run waits up to {} s for a result (sync_wait)", SyncWait.seconds(wait));
        }
        syncWait = wait;
    }

    private transient ScheduledExecutorService waits;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> segments = Paths.below(request);
        TaskEntries entries = new TaskEntries(registry, history, pointers, config.hashSecret());
        if (segments.isEmpty()) {
            Json.write(response, HttpServletResponse.SC_OK, entries.all(request));
        } else if (segments.size() == 1) {
            Json.write(response, HttpServletResponse.SC_OK, entries.one(request, segments.get(0)));
        } else {
            runs(request, response, segments.get(0));
        }
    }

    /**
     * {@code GET /tasks/{name}/runs?status=&trigger=&since=&until=&offset=0&limit=20}: newest first. Known for
     * tasks that ran, even if they are gone.
     */
    private void runs(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        RunQuery query = RunQueries.parse(request, name, config.hashSecret());
        List<RunRecord> page = history.query(query);
        if (page.isEmpty() && query.offset() == 0 && registry.task(name).isEmpty()
                && history.forTask(name, 0, 1).isEmpty()) {
            throw new UnknownTaskException(name);
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
        String name = segments.get(0);
        switch (segments.get(1)) {
            case "run" -> run(request, response, name);
            case "run-async" -> start(request, response, name);
            case "pause" -> control(request, response, name, true);
            case "resume" -> control(request, response, name, false);
            case "disable" -> state(response, name, "disabled", () -> scheduler.disable(name));
            case "enable" -> state(response, name, "enabled", () -> scheduler.enable(name));
            case "schedule" -> scheduleRoutes.schedule(request, response, name);
            case "dependencies" -> scheduleRoutes.dependencies(request, response, name);
            case "trigger" -> trigger(request, response, name);
            default -> throw new IllegalStateException("no POST route for " + segments + " in " + ROUTES);
        }
    }

    /** Only {@code DELETE /tasks/{name}/schedule} takes DELETE. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        scheduleRoutes.unschedule(response, Paths.below(request).get(0));
    }

    /**
     * {@code POST /tasks?path=<bundle>:<class>[&name=][&schedule=][&timezone=][&misfire=][&overlap=]}: registers a
     * task class by path and, with {@code schedule}, gives it that schedule (kept by the {@link Schedules} service
     * in {@code schedules.yml}, so that it fires), for whom the identity headers say. A schedule that is not
     * accepted, or no Schedules service, is refused before anything is registered. The schedule is no longer
     * passed to the TaskStore: one copy, in {@code schedules.yml}, is what fires, is listed and can be removed.
     */
    private void register(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getParameter("path");
        if (path == null || path.isBlank()) {
            throw new InvalidRequestException("path query parameter is required: 'bundle:Class'");
        }
        boolean scheduled = ScheduleParameters.present(request, REGISTER_SCHEDULE);
        ScheduleParameters schedule = scheduled ? ScheduleParameters.parse(request, REGISTER_SCHEDULE) : null;
        Schedules book = scheduled ? scheduleRoutes.schedules() : null;
        TaskInfo task = store.register(path, request.getParameter("name"), null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "registered");
        body.put("name", task.name());
        body.put("schedule", null);
        body.put("next_fire_at", null);
        if (scheduled) {
            ScheduleInfo kept;
            try {
                kept = book.schedule(schedule.forTask(task.name(), TaskScheduleRoutes.identity(request)));
            } catch (CascadenceException e) {
                // The backend does not run schedules, or schedules.yml cannot be written: the task is registered
                // all the same (as the original's was), and the answer must say so.
                Errors.write(response, e, "task '" + task.name() + "' is registered, but its schedule is not kept: "
                        + e.getMessage());
                return;
            }
            body.put("schedule", kept.schedule().expression().text());
            body.put("next_fire_at", kept.nextFireAt() == null ? null : kept.nextFireAt().toString());
        }
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * Runs the task and answers with its result: 200 {@code {"run_id", "result"}}, or the failure. The run goes on
     * on a worker thread; this request gives its HTTP thread back while it waits, and after {@code sync_wait}
     * answers 202 {@code {"run_id", "status": "running"}} with {@code Location: /runs/{id}}, so no number of slow
     * runs can take every HTTP thread.
     */
    private void run(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        RunHandle handle = submit(request, name);
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the wait below ends it, not the container
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<RunResult> done = handle.completion().toCompletableFuture();
        Duration wait = syncWait;
        ScheduledFuture<?> limit = waits.schedule(() -> {
            if (answered.compareAndSet(false, true)) {
                answer(async, () -> accepted((HttpServletResponse) async.getResponse(), handle.runId()));
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((result, error) -> {
            if (answered.compareAndSet(false, true)) {
                limit.cancel(false); // and removed at once, so nothing of the request waits out sync_wait
                answer(async, () -> finished((HttpServletResponse) async.getResponse(), result, error));
            }
        });
    }

    /**
     * {@code POST /tasks/{name}/trigger}: {@link #run} for a {@link io.cascadence.api.ManualTrigger} task only, as
     * the original's {@code task trigger}; any other task is refused with 400 {@code 'NAME' is not a manual task}.
     */
    private void trigger(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        TaskInfo task = registry.task(name).orElseThrow(() -> new UnknownTaskException(name));
        if (!task.manual()) {
            throw new InvalidRequestException("'" + name + "' is not a manual task");
        }
        run(request, response, name);
    }

    @Deactivate
    void deactivate() {
        waits.shutdownNow();
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
            Json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    ErrorDetails.container(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null, null, 0));
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
        RunHandle handle = submit(request, name);
        accepted(response, handle.runId());
    }

    /**
     * To the configured backend, or with the original's {@code ?temporal=true} to the Temporal backend, whatever
     * {@code backend} says.
     */
    private RunHandle submit(HttpServletRequest request, String name) throws IOException {
        String[] given = request.getParameterValues(TEMPORAL);
        if (given != null && given.length > 1) {
            throw new InvalidRequestException("temporal is given " + given.length + " times; give it once");
        }
        boolean temporal = temporal(given == null ? null : given[0]);
        RunRequest run = runRequest(request, name);
        return temporal ? scheduler.submit(run, TEMPORAL) : scheduler.submit(run);
    }

    /** {@code temporal}: true or false (also 1, 0, yes, no, on, off, any case); absent is false, empty is refused. */
    static boolean temporal(String value) {
        if (value == null) {
            return false;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> {
                return true;
            }
            case "false", "0", "no", "off" -> {
                return false;
            }
            default -> throw new InvalidRequestException("temporal is '" + value + "'; expected true or false");
        }
    }

    /** 202 with the run's status now: {@code queued} while it waits for a worker, else {@code running}. */
    private void accepted(HttpServletResponse response, String runId) throws IOException {
        String status = RunRecord.RUNNING;
        try {
            status = history.find(runId).map(RunRecord::status)
                    .filter(s -> !RunRecord.ended(s)).orElse(RunRecord.RUNNING);
        } catch (CascadenceException e) {
            // the run was accepted; its status is a courtesy
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", runId);
        body.put("status", status);
        response.setHeader("Location", "/runs/" + runId);
        Json.write(response, HttpServletResponse.SC_ACCEPTED, body);
    }

    /**
     * The request's identity headers, its JSON body, if any, as the run's input, and its trigger: {@code api}, or
     * {@code cli} when {@code bin/task} says so in {@value #TRIGGER_HEADER}.
     */
    private RunRequest runRequest(HttpServletRequest request, String name) throws IOException {
        Identity identity = new Identity(request.getHeader(USER_HEADER), request.getHeader(GROUP_HEADER));
        Object input = RequestBodies.json(request, BodyLimit.of(config));
        return RunRequest.of(name, trigger(request)).withIdentity(identity).withInput(input);
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

}
