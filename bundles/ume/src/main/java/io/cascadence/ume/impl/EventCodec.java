package io.cascadence.ume.impl;

import java.time.Instant;
import java.util.Optional;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.IdeaSeed;
import io.cascadence.api.event.PointerUpdate;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskNote;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;

/**
 * Turns bus events into the original's protobuf messages (python-original.md §8.1) and back for pointer updates.
 * Only hashes travel: the messages' {@code user_id} and {@code group_id} fields are never set.
 */
final class EventCodec {

    /** The full protobuf name of the PointerUpdate message, the {@code type} pointer sync listens for. */
    static final String POINTER_UPDATE = io.cascadence.ume.proto.PointerUpdate.getDescriptor().getFullName();

    private EventCodec() {
    }

    /** The event as its protobuf message; empty for an event type the wire schema has no message for. */
    static Optional<Message> encode(CascadenceEvent event) {
        Message message;
        if (event instanceof StageUpdate e) {
            message = io.cascadence.ume.proto.StageUpdate.newBuilder()
                    .setTaskName(text(e.taskName())).setStage(text(e.stage())).setUserHash(text(e.userHash()))
                    .setRunId(text(e.runId())).setGroupHash(text(e.groupHash())).setTime(timestamp(e.time()))
                    .build();
        } else if (event instanceof AuditEvent e) {
            io.cascadence.ume.proto.AuditEvent.Builder builder = io.cascadence.ume.proto.AuditEvent.newBuilder()
                    .setTaskName(text(e.taskName())).setStage(text(e.stage())).setStatus(text(e.status()))
                    .setUserHash(text(e.userHash())).setRunId(text(e.runId())).setGroupHash(text(e.groupHash()))
                    .setTime(timestamp(e.time()));
            if (e.reason() != null) {
                builder.setReason(e.reason());
            }
            if (e.output() != null) {
                builder.setOutput(e.output());
            }
            message = builder.build();
        } else if (event instanceof TaskRunEvent e) {
            io.cascadence.ume.proto.TaskRun.Builder builder = io.cascadence.ume.proto.TaskRun.newBuilder()
                    .setSpec(io.cascadence.ume.proto.TaskSpec.newBuilder().setId(text(e.taskName()))
                            .setName(text(e.taskName())).setUserHash(text(e.userHash()))
                            .setRunId(text(e.runId())).setGroupHash(text(e.groupHash())))
                    .setRunId(text(e.runId())).setStatus(text(e.status())).setUserHash(text(e.userHash()))
                    .setGroupHash(text(e.groupHash())).setParentRunId(text(e.parentRunId()))
                    .setStage(text(e.stage())).setError(text(e.error())).setResult(text(e.result()));
            if (e.startedAt() != null) {
                builder.setStartedAt(timestamp(e.startedAt()));
            }
            if (e.finishedAt() != null) {
                builder.setFinishedAt(timestamp(e.finishedAt()));
            }
            if (e.dueAt() != null) {
                builder.setDueAt(timestamp(e.dueAt()));
            }
            message = builder.build();
        } else if (event instanceof TaskSpecEvent e) {
            message = io.cascadence.ume.proto.TaskSpec.newBuilder().setId(text(e.taskName()))
                    .setName(text(e.taskName())).setDescription(text(e.description()))
                    .setUserHash(text(e.userHash())).setRunId(text(e.runId())).setGroupHash(text(e.groupHash()))
                    .build();
        } else if (event instanceof PointerUpdate e) {
            message = io.cascadence.ume.proto.PointerUpdate.newBuilder().setTaskName(text(e.taskName()))
                    .setRunId(text(e.runId())).setUserHash(text(e.userHash())).setGroupHash(text(e.groupHash()))
                    .build();
        } else if (event instanceof TaskNote e) {
            message = io.cascadence.ume.proto.TaskNote.newBuilder().setTaskName(text(e.taskName()))
                    .setRunId(text(e.runId())).setNote(text(e.note())).setUserHash(text(e.userHash()))
                    .setGroupHash(text(e.groupHash())).build();
        } else if (event instanceof IdeaSeed e) {
            message = io.cascadence.ume.proto.IdeaSeed.newBuilder().setText(text(e.text()))
                    .setUserHash(text(e.userHash())).setGroupHash(text(e.groupHash())).build();
        } else {
            return Optional.empty();
        }
        return Optional.of(message);
    }

    /**
     * Reads a received payload as a PointerUpdate. A message that names another type is not one; a message that
     * names no type (a plain publisher, such as the original's {@code emit_pointer_update}) is one when it parses
     * and carries a task name, a run id and a user hash.
     */
    static Optional<io.cascadence.ume.proto.PointerUpdate> pointerUpdate(String type, byte[] payload) {
        if (!type.isEmpty() && !type.equals(POINTER_UPDATE)) {
            return Optional.empty();
        }
        try {
            io.cascadence.ume.proto.PointerUpdate update = io.cascadence.ume.proto.PointerUpdate.parseFrom(payload);
            if (type.isEmpty() && (update.getTaskName().isEmpty() || update.getRunId().isEmpty()
                    || update.getUserHash().isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(update);
        } catch (InvalidProtocolBufferException e) {
            if (type.isEmpty()) {
                return Optional.empty();
            }
            throw new IllegalArgumentException("a message typed " + type + " is not a PointerUpdate: "
                    + e.getMessage(), e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Timestamp timestamp(Instant time) {
        Instant at = time == null ? Instant.now() : time;
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
