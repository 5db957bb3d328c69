package io.cascadence.launcher.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The sub-commands of {@code bin/task}, each a thin layer over the REST API, printing the original's formats. */
final class Commands {

    private final RestClient rest;
    private final PrintStream out;

    Commands(RestClient rest, PrintStream out) {
        this.rest = rest;
        this.out = out;
    }

    void execute(CommandLine line) {
        switch (line.command()) {
            case "list" -> list();
            case "run" -> run(line);
            case "runs" -> runs(line);
            case "pause" -> control(line, "pause", "paused");
            case "resume" -> control(line, "resume", "resumed");
            case "disable" -> control(line, "disable", "disabled");
            case "enable" -> control(line, "enable", "enabled");
            case "config" -> config();
            default -> throw new IllegalStateException(line.command());
        }
    }

    private void list() {
        for (JsonNode task : rest.get("/tasks")) {
            out.println(task.path("name").asText() + "\t" + (task.path("disabled").asBoolean() ? "disabled" : "enabled"));
        }
    }

    private void run(CommandLine line) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (line.options().containsKey("user-id")) {
            headers.put("X-User-ID", line.options().get("user-id"));
        }
        if (line.options().containsKey("group-id")) {
            headers.put("X-Group-ID", line.options().get("group-id"));
        }
        String name = line.arguments().get(0);
        JsonNode result = rest.post("/tasks/" + RestClient.segment(name) + "/run", headers);
        out.println("run-id\t" + result.path("run_id").asText());
    }

    private void runs(CommandLine line) {
        String query = "?limit=" + RestClient.segment(line.options().getOrDefault("limit", "20"))
                + "&offset=" + RestClient.segment(line.options().getOrDefault("offset", "0"));
        for (JsonNode run : rest.get("/tasks/" + RestClient.segment(line.arguments().get(0)) + "/runs" + query)) {
            StringBuilder out = new StringBuilder();
            out.append(run.path("run_id").asText()).append('\t').append(run.path("status").asText()).append('\t')
                    .append(run.path("started_at").asText()).append('\t')
                    .append(run.path("duration_ms").isNull() ? "-" : run.path("duration_ms").asText());
            if (!run.path("error").isNull()) {
                out.append('\t').append(run.path("failed_stage").asText()).append(": ")
                        .append(run.path("error").asText());
            }
            this.out.println(out);
        }
    }

    private void control(CommandLine line, String action, String done) {
        String name = line.arguments().get(0);
        String runId = line.options().get("run-id");
        String query = runId == null ? "" : "?run_id=" + RestClient.segment(runId);
        rest.post("/tasks/" + RestClient.segment(name) + "/" + action + query, Map.of());
        out.println(runId == null ? name + " " + done : name + " run " + runId + " " + done);
    }

    private void config() {
        JsonNode report = rest.get("/config");
        for (JsonNode entry : report.path("entries")) {
            String origin = entry.path("origin").isNull() ? "" : " (" + entry.path("origin").asText() + ")";
            String value = entry.path("value").isNull() ? "" : entry.path("value").asText();
            out.println(entry.path("key").asText() + "\t" + value + "\t" + entry.path("source").asText() + origin);
        }
        for (JsonNode problem : report.path("problems")) {
            out.println("problem\t" + problem.asText());
        }
    }
}
