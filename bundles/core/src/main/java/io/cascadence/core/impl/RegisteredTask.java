package io.cascadence.core.impl;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.cascadence.api.Task;

/**
 * A task service the registry knows of.
 *
 * @param name its name
 * @param task the service object
 * @param serviceId its service id
 * @param ranking its service ranking
 * @param bundle the symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param timeout its {@code cascadence.task.timeout} property, or {@code null} without a valid one
 * @param webhookSources its {@code cascadence.webhook.source} property: the webhook sources it handles, empty for
 *        none
 */
public record RegisteredTask(String name, Task task, long serviceId, int ranking, String bundle, String bundleVersion,
        Duration timeout, List<String> webhookSources) {

    public RegisteredTask {
        webhookSources = webhookSources == null ? List.of() : List.copyOf(webhookSources);
    }

    public RegisteredTask(String name, Task task, long serviceId, int ranking, String bundle, String bundleVersion) {
        this(name, task, serviceId, ranking, bundle, bundleVersion, null, List.of());
    }

    /** Which of two services claiming one name wins: higher ranking, then the older service. */
    static final Comparator<RegisteredTask> PRECEDENCE = Comparator.comparingInt(RegisteredTask::ranking).reversed()
            .thenComparingLong(RegisteredTask::serviceId);

    String describe() {
        return "service " + serviceId + " from bundle " + bundle + " " + bundleVersion;
    }
}
