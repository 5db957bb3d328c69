package io.cascadence.temporal.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;

/**
 * The workflow id of a cron fire: the same in every installation that fires the schedule, so that Temporal starts
 * one workflow per fire however many installations share the schedule ({@code cron-TASK-yyyyMMddTHHmmssZ}, the due
 * time in UTC). A task name with characters a run id cannot hold has them replaced, and a hash of the name added.
 */
final class FireIds {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_TASK_PART = 96;

    private FireIds() {
    }

    /** The fire's id, or {@code null} when the request is not a cron fire without a run id of its own. */
    static String of(RunRequest request) {
        if (request.runId() != null || request.dueAt() == null || !Trigger.CRON.equals(request.trigger())) {
            return null;
        }
        String name = request.taskName();
        String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (!safe.equals(name) || safe.length() > MAX_TASK_PART) {
            safe = safe.substring(0, Math.min(safe.length(), MAX_TASK_PART - 9)) + "-" + hash(name);
        }
        return "cron-" + safe + "-" + DUE.format(request.dueAt());
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
