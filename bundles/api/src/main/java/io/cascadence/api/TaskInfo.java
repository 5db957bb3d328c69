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
 * @param async whether the task's class declares its {@link Task#run} to return a
 *        {@link java.util.concurrent.CompletionStage} (or a subtype such as {@code CompletableFuture}): a task that
 *        finishes its work later, off the run's worker thread; {@code false} for a {@code run} declared to return
 *        anything else, even when it returns a CompletionStage at run time
 * @since 1.2.0 ({@code async})
 */
public record TaskInfo(String name, boolean disabled, boolean paused, String bundle, String bundleVersion,
        boolean manual, boolean pointer, List<String> webhookSources, boolean async) {

    public TaskInfo {
        webhookSources = webhookSources == null ? List.of() : List.copyOf(webhookSources);
    }

    /** A task whose {@code run} is not declared asynchronous. Kept for callers of 1.1.0. */
    public TaskInfo(String name, boolean disabled, boolean paused, String bundle, String bundleVersion,
            boolean manual, boolean pointer, List<String> webhookSources) {
        this(name, disabled, paused, bundle, bundleVersion, manual, pointer, webhookSources, false);
    }

    /** A task of none of the special kinds. */
    public TaskInfo(String name, boolean disabled, boolean paused, String bundle, String bundleVersion) {
        this(name, disabled, paused, bundle, bundleVersion, false, false, List.of(), false);
    }
}
