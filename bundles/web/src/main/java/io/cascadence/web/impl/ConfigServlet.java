package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.PidReport;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /config}: every configuration PID with each key's effective value, where it came from and whether a
 * change applies live, and the problems found.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-config")
@HttpWhiteboardServletPattern("/config")
public class ConfigServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("", "GET"));

    @Reference
    private transient CascadenceConfig config;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.write(response, HttpServletResponse.SC_OK, describe(config.report()));
    }

    static Map<String, Object> describe(ConfigReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("yaml_file", report.yamlFile());
        body.put("pids", report.pids().stream().map(ConfigServlet::describe).toList());
        body.put("problems", report.problems());
        return body;
    }

    private static Map<String, Object> describe(PidReport pid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pid", pid.pid());
        body.put("file", pid.file());
        List<Map<String, Object>> entries = pid.entries().stream().map(ConfigServlet::describe).toList();
        body.put("entries", entries);
        return body;
    }

    private static Map<String, Object> describe(ConfigEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", entry.key());
        body.put("value", entry.value());
        body.put("source", entry.source().label());
        body.put("origin", entry.origin());
        body.put("env", entry.environmentVariable());
        body.put("description", entry.description());
        body.put("applies", entry.applies().label());
        return body;
    }
}
