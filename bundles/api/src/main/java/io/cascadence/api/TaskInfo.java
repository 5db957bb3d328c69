package io.cascadence.api;

import java.util.List;

/**
 * A registered task as users see it.
 *
 * @param name the name it is registered under
 * @param disabled whether runs are refused until it is enabled again
 * @param paused whether runs are refused until it is resumed
 * @param bundle the symbolic name of the bundle that contributed it
 * @param bundleVersion that bundle's version
 * @param manual whether it is a {@link ManualTrigger} task, the only kind {@code task trigger} starts
 * @param pointer whether it is a {@link PointerTask}, the only kind pointers are kept for
 * @param webhookSources the webhook sources it handles ({@link TaskProperties#WEBHOOK_SOURCE}), empty unless it is
 *        a {@link WebhookTask} registered for some; never {@code null}
 */
public record TaskInfo(String name, boolean disabled, boolean paused, String bundle, String bundleVersion,
        boolean manual, boolean pointer, List<String> webhookSources) {

    public TaskInfo {
        webhookSources = webhookSources == null ? List.of() : List.copyOf(webhookSources);
    }

    /** A task of none of the special kinds. */
    public TaskInfo(String name, boolean disabled, boolean paused, String bundle, String bundleVersion) {
        this(name, disabled, paused, bundle, bundleVersion, false, false, List.of());
    }
}
