package io.cascadence.launcher.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

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
            case "export-n8n" -> exportN8n(line, identity);
            case "ai-idea" -> aiIdea(line, identity);
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
        String name = line.arguments().get(0);
        Map<String, String> headers = new LinkedHashMap<>(identity);
        headers.put(TRIGGER_HEADER, "cli"); // recorded as the run's trigger: asked for from the command line
        RestClient.Response response;
        try {
            response = rest.post("/tasks/" + RestClient.segment(name) + "/run", headers,
                    line.options().get("input"));
        } catch (RestClient.CommandFailedException e) {
            if (e.runId() != null) {
                out.println("run-id\t" + e.runId()); // a run that failed is on record: say which one it is
            }
            throw e;
        }
        String runId = response.body() == null ? "" : response.body().path("run_id").asText();
        out.println("run-id\t" + runId);
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
}
