package io.cascadence.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.launcher.LaunchException;

/** The sub-commands of {@code bin/task}, each a thin layer over the REST API, printing the original's formats. */
final class Commands {

    /** How often a command that waits for a run asks how it is. */
    static final long POLL_MILLIS = 200;

    private final RestClient rest;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean standalone;
    private final String containerUrl;

    /**
     * @param out the command's output
     * @param err notes for the user beside it, which scripts reading {@code out} do not see
     */
    Commands(RestClient rest, PrintStream out, PrintStream err) {
        this(rest, out, err, false);
    }

    /**
     * @param standalone whether the container was started for this command alone, and stops after it: a run then
     *        cannot go on in the background, so {@code run} waits for it to end
     */
    Commands(RestClient rest, PrintStream out, PrintStream err, boolean standalone) {
        this(rest, out, err, standalone, rest.baseUrl());
    }

    /**
     * @param containerUrl where this installation's container serves HTTP when it runs (not the private port of a
     *        command's own container): what an exported workflow calls unless {@code --base-url} says otherwise
     */
    Commands(RestClient rest, PrintStream out, PrintStream err, boolean standalone, String containerUrl) {
        this.rest = rest;
        this.out = out;
        this.err = err;
        this.standalone = standalone;
        this.containerUrl = containerUrl;
    }

    void execute(CommandLine line) {
        Map<String, String> identity = identity(line);
        switch (line.command()) {
            case "list" -> list(identity);
            case "run" -> run(line, identity);
            case "runs" -> runs(line, identity);
            case "pause" -> control(line, identity, "pause", "paused");
            case "resume" -> control(line, identity, "resume", "resumed");
            case "disable" -> control(line, identity, "disable", "disabled");
            case "enable" -> control(line, identity, "enable", "enabled");
            case "cancel" -> cancel(line, identity);
            case "config" -> config(identity);
            case "schedule" -> schedule(line, identity);
            case "unschedule" -> unschedule(line, identity);
            case "schedules" -> schedules(identity);
            case "trigger" -> trigger(line, identity);
            case "pointer-add" -> pointerAdd(line, identity);
            case "pointer-list" -> pointerList(line, identity);
            case "pointer-receive" -> pointerReceive(line, identity);
            case "watch-plugins" -> watchPlugins(line, identity);
            case "export-n8n" -> exportN8n(line, identity);
            case "ai-idea" -> aiIdea(line, identity);
            case "replay-history" -> replayHistory(line, identity);
            default -> throw new IllegalStateException(line.command());
        }
    }

    /** The header that tells the REST API what asked for a run. */
    static final String TRIGGER_HEADER = "X-Cascadence-Trigger";

    /** {@code --user-id} and {@code --group-id} as the REST API's identity headers. */
    static Map<String, String> identity(CommandLine line) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (line.options().containsKey("user-id")) {
            headers.put("X-User-ID", line.options().get("user-id"));
        }
        if (line.options().containsKey("group-id")) {
            headers.put("X-Group-ID", line.options().get("group-id"));
        }
        return headers;
    }

    private void list(Map<String, String> identity) {
        for (JsonNode task : rest.get("/tasks", identity)) {
            out.println(task.path("name").asText() + "\t" + (task.path("disabled").asBoolean() ? "disabled" : "enabled"));
        }
    }

    /** A run that outlasts the container's wait is answered 202 and goes on: the id, and where to follow it. */
    private void run(CommandLine line, Map<String, String> identity) {
        start(line, identity, "run", "run-id\t");
    }

    /**
     * The original's {@code task trigger}: a run of a manual-trigger task only ({@code POST /tasks/NAME/trigger}
     * refuses any other), printed as the original did, {@code run id: <uuid>}.
     */
    private void trigger(CommandLine line, Map<String, String> identity) {
        start(line, identity, "trigger", "run id: ");
    }

    /** {@code POST /tasks/NAME/<route>} and the run id after {@code prefix}; see {@link #run}. */
    private void start(CommandLine line, Map<String, String> identity, String route, String prefix) {
        String name = line.arguments().get(0);
        Map<String, String> headers = new LinkedHashMap<>(identity);
        headers.put(TRIGGER_HEADER, "cli"); // recorded as the run's trigger: asked for from the command line
        RestClient.Response response;
        try {
            String query = "true".equals(line.options().get("temporal")) ? "?temporal=true" : "";
            response = rest.post("/tasks/" + RestClient.segment(name) + "/" + route + query, headers,
                    line.options().get("input"));
        } catch (RestClient.CommandFailedException e) {
            if (e.runId() != null) {
                out.println(prefix + e.runId()); // a run that failed is on record: say which one it is
            }
            throw e;
        }
        String runId = response.body() == null ? "" : response.body().path("run_id").asText();
        out.println(prefix + runId);
        if (response.status() != 202) {
            return;
        }
        if (!standalone) {
            err.println("run " + runId + " goes on in the background; follow it with: task runs " + name);
            return;
        }
        // No container runs this installation: the one started for this command stops when it returns, and the
        // run with it. So the command waits for the run's end instead of leaving it to be interrupted.
        err.println("run " + runId + " is still running; waiting for it (no container is running to keep it going)");
        awaitEnd(runId, identity);
    }

    private void awaitEnd(String runId, Map<String, String> identity) {
        while (true) {
            JsonNode record = rest.get("/runs/" + RestClient.segment(runId), identity);
            String status = record.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                if (!status.equals("success")) {
                    String stage = record.path("failed_stage").isNull() ? ""
                            : " at " + record.path("failed_stage").asText();
                    throw new RestClient.CommandFailedException("run " + runId + " ended as " + status + stage + ": "
                            + record.path("error").asText());
                }
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestClient.CommandFailedException("interrupted while waiting for run " + runId);
            }
        }
    }

    private void runs(CommandLine line, Map<String, String> identity) {
        String query = "?limit=" + RestClient.segment(line.options().getOrDefault("limit", "20"))
                + "&offset=" + RestClient.segment(line.options().getOrDefault("offset", "0"));
        for (JsonNode run : rest.get("/tasks/" + RestClient.segment(line.arguments().get(0)) + "/runs" + query,
                identity)) {
            StringBuilder out = new StringBuilder();
            out.append(run.path("run_id").asText()).append('\t').append(run.path("status").asText()).append('\t')
                    .append(run.path(run.path("started_at").isNull() ? "submitted_at" : "started_at").asText())
                    .append('\t')
                    .append(run.path("duration_ms").isNull() ? "-" : run.path("duration_ms").asText());
            if (!run.path("error").isNull()) {
                String stage = run.path("failed_stage").isNull() ? "" : run.path("failed_stage").asText() + ": ";
                out.append('\t').append(stage).append(run.path("error").asText());
            }
            this.out.println(out);
        }
    }

    private void control(CommandLine line, Map<String, String> identity, String action, String done) {
        String name = line.arguments().get(0);
        String runId = line.options().get("run-id");
        String query = runId == null ? "" : "?run_id=" + RestClient.segment(runId);
        rest.post("/tasks/" + RestClient.segment(name) + "/" + action + query, identity, null);
        out.println(runId == null ? name + " " + done : name + " run " + runId + " " + done);
    }

    private void cancel(CommandLine line, Map<String, String> identity) {
        String runId = line.arguments().get(0);
        rest.post("/runs/" + RestClient.segment(runId) + "/cancel", identity, null);
        out.println(runId + " cancelled");
    }

    /**
     * {@code NAME scheduled: EXPRESSION}, the original's line, then {@code next fire: <ISO-8601 UTC>}, or
     * {@code next fire: - (<state>)} when the schedule does not fire now (its task is absent, or the backend does
     * not run schedules).
     */
    private void schedule(CommandLine line, Map<String, String> identity) {
        String name = line.arguments().get(0);
        StringBuilder query = new StringBuilder("?expression=").append(RestClient.segment(line.arguments().get(1)));
        for (String option : new String[] {"timezone", "misfire", "overlap"}) {
            String value = line.options().get(option);
            if (value != null) {
                query.append('&').append(option).append('=').append(RestClient.segment(value));
            }
        }
        JsonNode kept = rest.post("/tasks/" + RestClient.segment(name) + "/schedule" + query, identity, null).body();
        out.println(name + " scheduled: " + kept.path("expression").asText());
        out.println("next fire: " + (kept.path("next_fire_at").isTextual() ? kept.path("next_fire_at").asText()
                : "- (" + kept.path("state").asText() + ")"));
    }

    private void unschedule(CommandLine line, Map<String, String> identity) {
        String name = line.arguments().get(0);
        rest.delete("/tasks/" + RestClient.segment(name) + "/schedule", identity);
        out.println(name + " unscheduled");
    }

    /**
     * The original's {@code <name> TAB <expression>}, then the next fire time (ISO-8601 UTC, or {@code -}), then
     * the schedule's own time zone when it has one rather than the scheduler's.
     */
    private void schedules(Map<String, String> identity) {
        for (JsonNode schedule : rest.get("/schedules", identity)) {
            String next = schedule.path("next_fire_at").isTextual() ? schedule.path("next_fire_at").asText() : "-";
            String zone = "schedule".equals(schedule.path("timezone_source").asText())
                    ? "\t" + schedule.path("timezone").asText() : "";
            out.println(schedule.path("task").asText() + "\t" + schedule.path("expression").asText() + "\t" + next
                    + zone);
        }
    }

    /**
     * {@code workflow written to FILE}: the n8n workflow of {@code GET /export/n8n}, written to FILE atomically (a
     * temporary file beside it, renamed over it), so FILE is the old or the new workflow, never half of one.
     */
    private void exportN8n(CommandLine line, Map<String, String> identity) {
        String name = line.arguments().get(0);
        String base = line.options().getOrDefault("base-url", containerUrl);
        if (!base.matches("(?i)https?://[^/?#]+.*")) {
            // The container checks it in full; this names the option rather than its query parameter.
            throw new RestClient.CommandFailedException("--base-url '" + base + "' is not accepted: expected an "
                    + "absolute http or https URL such as http://127.0.0.1:8000");
        }
        JsonNode workflow = rest.get("/export/n8n?base_url=" + RestClient.segment(base), identity);
        WorkflowFile.write(Path.of(name), workflow);
        out.println("workflow written to " + name);
    }

    /** Sends the history to the container, which replays it; a history that does not replay the same way fails. */
    private void replayHistory(CommandLine line, Map<String, String> identity) {
        String name = line.arguments().get(0);
        if (Files.isDirectory(Path.of(name))) {
            throw new RestClient.CommandFailedException("cannot read " + name + ": it is a folder, not a file");
        }
        String history;
        try {
            history = Files.readString(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new RestClient.CommandFailedException("cannot read " + name + ": no such file");
        } catch (IOException e) {
            throw new RestClient.CommandFailedException("cannot read " + name + ": " + e.getMessage());
        }
        JsonNode outcome = rest.post("/temporal/replay", identity, history).body();
        if (!outcome.path("deterministic").asBoolean()) {
            throw new RestClient.CommandFailedException(name + " is not deterministic for this code: "
                    + outcome.path("error").asText());
        }
        out.println("replayed " + name + ": deterministic (" + outcome.path("events").asInt() + " events)");
    }

    /** {@code idea sent}, the original's line, once the container has kept the idea. */
    private void aiIdea(CommandLine line, Map<String, String> identity) {
        rest.post("/ideas", identity, WorkflowFile.json(Map.of("text", line.arguments().get(0))));
        out.println("idea sent");
    }

    /** The lines of the Gogo command {@code task:config}: one per key of every PID, then one per problem. */
    private void config(Map<String, String> identity) {
        JsonNode report = rest.get("/config", identity);
        for (JsonNode pid : report.path("pids")) {
            for (JsonNode entry : pid.path("entries")) {
                String origin = entry.path("origin").isNull() ? "" : " (" + entry.path("origin").asText() + ")";
                String value = entry.path("value").isNull() ? "" : entry.path("value").asText();
                out.println(pid.path("pid").asText() + "\t" + entry.path("key").asText() + "\t" + value + "\t"
                        + entry.path("source").asText() + origin + "\t" + entry.path("applies").asText());
            }
        }
        for (JsonNode problem : report.path("problems")) {
            out.println("problem\t" + problem.asText());
        }
    }

    /** The original's {@code pointer-add NAME USER_ID RUN_ID}: USER_ID is the caller, whatever --user-id says. */
    private void pointerAdd(CommandLine line, Map<String, String> identity) {
        Map<String, String> caller = new LinkedHashMap<>(identity);
        caller.put("X-User-ID", line.arguments().get(1));
        rest.post("/pointers/" + RestClient.segment(line.arguments().get(0)) + "?run_id="
                + RestClient.segment(line.arguments().get(2)), caller, null);
        out.println("pointer added");
    }

    /** {@code <run_id> TAB <user_hash>}, one line per pointer of the user ({@code GET /pointers/NAME}). */
    private void pointerList(CommandLine line, Map<String, String> identity) {
        if (!identity.containsKey("X-User-ID")) {
            throw new RestClient.CommandFailedException("pointer-list needs --user-id: pointers are listed for "
                    + "one user");
        }
        for (JsonNode pointer : rest.get("/pointers/" + RestClient.segment(line.arguments().get(0)), identity)) {
            out.println(pointer.path("run_id").asText() + "\t" + pointer.path("user_hash").asText());
        }
    }

    private void pointerReceive(CommandLine line, Map<String, String> identity) {
        rest.post("/pointers/" + RestClient.segment(line.arguments().get(0)) + "/receive?run_id="
                + RestClient.segment(line.arguments().get(1)) + "&user_hash="
                + RestClient.segment(line.arguments().get(2)), identity, null);
        out.println("pointer stored");
    }

    /**
     * Adds DIR to the container's plugin folders, prints the original's line, waits until the process is told to
     * stop ({@link #untilStopped}), then removes DIR again, so that its bundles are uninstalled. A folder that was
     * watched already (another watch-plugins) is left watched. Meanwhile it looks every {@link #WATCH_CHECK} that
     * the container still watches DIR: one that stopped (or a console's {@code task:unwatch-plugins}) ends the
     * command with an error rather than leaving it to claim a watch that is gone.
     */
    private void watchPlugins(CommandLine line, Map<String, String> identity) {
        String dir = line.arguments().get(0);
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        String query = "?path=" + RestClient.segment(folder.toString());
        JsonNode answer = rest.post("/plugins/folders" + query, identity, null).body();
        boolean added = answer == null || answer.path("added").asBoolean(true);
        out.println("watching " + dir + "... press Ctrl+C to stop");
        out.flush();
        while (!stop.await(WATCH_CHECK)) {
            if (!watched(folder, identity)) {
                throw new RestClient.CommandFailedException(folder + " is no longer watched: the container stopped "
                        + "or it was unwatched there");
            }
        }
        if (!added) {
            err.println(folder + " was watched before this command and stays watched");
            return;
        }
        try {
            rest.delete("/plugins/folders" + query, identity);
        } catch (LaunchException e) {
            // The container stopped first: it watches nothing any more, so there is nothing to undo.
            err.println("the container stopped meanwhile: " + e.getMessage());
        }
    }

    /** How often {@code watch-plugins} checks that the container still watches its folder. */
    static final Duration WATCH_CHECK = Duration.ofSeconds(2);

    private boolean watched(Path folder, Map<String, String> identity) {
        try {
            for (JsonNode watched : rest.get("/plugins/folders", identity)) {
                if (watched.asText().equals(folder.toString())) {
                    return true;
                }
            }
            return false;
        } catch (LaunchException e) {
            return false; // it does not answer: it stopped
        }
    }

    private StopSignal stop = new StopSignal(false);

    /** What {@code watch-plugins} waits for: the process being told to stop. */
    Commands untilStopped(StopSignal signal) {
        this.stop = signal;
        return this;
    }
}
