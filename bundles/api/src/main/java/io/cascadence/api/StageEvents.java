package io.cascadence.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The StageStore read side ({@code stages.yml}): the stage and audit events kept for each task, newest
 * {@code stage_retention} per task and category, in the order they happened.
 */
@ProviderType
public interface StageEvents {

    /** Which of a task's two lists: stage updates (key {@code <task>}) or audit events (key {@code <task>:audit}). */
    enum Category {
        /** A stage began: {@code stage}, {@code time}, and the identity and run. */
        STAGE,
        /** A stage's outcome ({@code started}, {@code success}, {@code error}, {@code skipped}) with its reason. */
        AUDIT
    }

    /**
     * A task's events, oldest first, each a mapping in the shape {@code stages.yml} keeps: {@code stage},
     * {@code time} (ISO-8601 UTC), and where they are set {@code status}, {@code reason}, {@code output},
     * {@code user_hash}, {@code group_hash} and {@code run_id}; an event read from an older file keeps the keys it
     * was written with. Events outlive their task: a task that is not installed (any more) still has its own.
     *
     * @param taskName the task's name; a name nothing was recorded for gives an empty list
     * @param category which list
     * @param userHash only events whose {@code user_hash} is this hash, or {@code null} for every user
     * @param groupHash only events whose {@code group_hash} is this hash, or {@code null} for every group
     * @return a new unmodifiable list of unmodifiable mappings
     */
    List<Map<String, Object>> events(String taskName, Category category, String userHash, String groupHash);
}
