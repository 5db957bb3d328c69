package io.cascadence.web.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container is UP when every bundle it was started with is active. Plugins are listed but never make it
 * DOWN: a broken plugin is the plugin's problem, and the container keeps serving the rest.
 */
final class HealthReport {

    private final boolean up;
    private final Map<String, Object> body;

    private HealthReport(boolean up, Map<String, Object> body) {
        this.up = up;
        this.body = body;
    }

    static HealthReport of(List<BundleView> bundles) {
        return of(bundles, List.of());
    }

    /** @param warnings what parts of the container report as wrong while it is up; listed, never DOWN */
    static HealthReport of(List<BundleView> bundles, List<String> warnings) {
        List<Map<String, Object>> core = new ArrayList<>();
        List<Map<String, Object>> plugins = new ArrayList<>();
        List<String> culprits = new ArrayList<>();
        for (BundleView bundle : bundles) {
            if (bundle.plugin()) {
                Map<String, Object> entry = describe(bundle);
                entry.put("location", bundle.location());
                plugins.add(entry);
                continue;
            }
            if (bundle.cascadence()) {
                core.add(describe(bundle));
            }
            if (!bundle.healthy()) {
                culprits.add(bundle.name() + " " + bundle.version() + " is " + bundle.state());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", culprits.isEmpty() ? "UP" : "DOWN");
        if (!culprits.isEmpty()) {
            body.put("culprits", culprits);
        }
        body.put("warnings", List.copyOf(warnings));
        body.put("bundles", core);
        body.put("plugins", plugins);
        return new HealthReport(culprits.isEmpty(), body);
    }

    boolean up() {
        return up;
    }

    Map<String, Object> body() {
        return body;
    }

    private static Map<String, Object> describe(BundleView bundle) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", bundle.name());
        entry.put("version", bundle.version());
        entry.put("state", bundle.state());
        return entry;
    }
}
