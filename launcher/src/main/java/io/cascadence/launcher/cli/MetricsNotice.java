package io.cascadence.launcher.cli;

import java.util.Map;

import io.cascadence.launcher.RuntimeInfo;

/**
 * What {@code bin/task --metrics-port} says when the command goes to a running container: that process is not
 * the one to serve metrics, the container is, at its own address.
 */
final class MetricsNotice {

    private static final String PID = "io.cascadence.metrics";
    private static final String KEY = "metrics_port";

    private MetricsNotice() {
    }

    /**
     * @param owner the running container
     * @param asked the port {@code --metrics-port} gave
     * @param metricsPort the container's own {@code metrics_port}, 0 for none or when it could not be read
     */
    static String forRunning(RuntimeInfo owner, int asked, int metricsPort) {
        String second = metricsPort > 0 ? " and http://" + host(owner) + ":" + metricsPort + "/metrics (its "
                + KEY + ")" : "";
        return "note: --metrics-port " + asked + " is not used: the running Cascadence (pid " + owner.pid()
                + ") serves its metrics at " + owner.baseUrl() + "/metrics" + second;
    }

    /** The container's effective {@code metrics_port}, from {@code GET /config}; 0 when it cannot be told. */
    static int metricsPortOf(RestClient client) {
        try {
            return Integer.parseInt(ConfigReport.value(client.get("/config", Map.of()), PID, KEY).orElse("0"));
        } catch (RuntimeException e) {
            // Only a hint is lost: the command itself goes on and reports its own errors.
        }
        return 0;
    }

    private static String host(RuntimeInfo owner) {
        String host = owner.connectHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
