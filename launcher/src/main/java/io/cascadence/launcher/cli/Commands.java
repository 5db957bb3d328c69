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
