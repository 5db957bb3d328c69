package io.cascadence.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start one container process.
 *
 * @param host the address HTTP binds to
 * @param port the HTTP port
 * @param shell whether to start the Gogo shell on this terminal
 * @param cache the framework cache folder, wiped at every start
 * @param firesSchedules whether cron schedules fire: true for {@code bin/cascadence}; false for the private
 *        container a {@code bin/task} command starts, which must not run (or catch up) scheduled tasks while it
 *        answers one command
 * @param metricsPort the second port serving {@code /metrics} that {@code --metrics-port} gave, winning over
 *        {@code metrics_port} for this process; 0 when the option was not given
 * @param webhookHost the address of a second HTTP listener that serves only the webhook endpoints (as
 *        {@code bin/task webhook} asks for), winning over {@code webhook_host} for this process; {@code null} for
 *        what the configuration says
 * @param webhookPort that listener's port, winning over {@code webhook_port}; 0 when {@code webhookHost} is
 *        {@code null}
 * @param settings configuration values a command line gives (as {@code bin/task --transport nats} does), by the
 *        environment variable of their key ({@code UME_TRANSPORT}), winning over every other source for this
 *        process; empty for none
 */
public record ContainerOptions(String host, int port, boolean shell, Path cache, boolean firesSchedules,
        int metricsPort, String webhookHost, int webhookPort, Map<String, String> settings) {

    /** The framework property that says so ({@code false} keeps the cron engine from firing). */
    public static final String FIRES_SCHEDULES = "cascadence.schedules.fire";

    /**
     * The framework property that carries {@code --metrics-port}: the core takes a {@code cascadence.env.}
     * property as the environment variable it names, for this process only.
     */
    public static final String METRICS_PORT = "cascadence.env.CASCADENCE_METRICS_PORT";

    /** The framework properties that carry {@link #webhookHost()} and {@link #webhookPort()}, as for metrics. */
    public static final String WEBHOOK_HOST = "cascadence.env.CASCADENCE_WEBHOOK_HOST";
    public static final String WEBHOOK_PORT = "cascadence.env.CASCADENCE_WEBHOOK_PORT";

    /** What names the framework property carrying one of {@link #settings()}: this, then its variable's name. */
    public static final String SETTING_PREFIX = "cascadence.env.";

    public ContainerOptions {
        settings = Map.copyOf(settings);
    }

    /** Options without settings of a command line's own. */
    public ContainerOptions(String host, int port, boolean shell, Path cache, boolean firesSchedules,
            int metricsPort, String webhookHost, int webhookPort) {
        this(host, port, shell, cache, firesSchedules, metricsPort, webhookHost, webhookPort, Map.of());
    }

    /** Options without {@code --metrics-port} or a webhook listener of their own. */
    public ContainerOptions(String host, int port, boolean shell, Path cache, boolean firesSchedules) {
        this(host, port, shell, cache, firesSchedules, 0, null, 0);
    }

    /** Options with {@code --metrics-port} and no webhook listener of their own. */
    public ContainerOptions(String host, int port, boolean shell, Path cache, boolean firesSchedules,
            int metricsPort) {
        this(host, port, shell, cache, firesSchedules, metricsPort, null, 0);
    }
}
