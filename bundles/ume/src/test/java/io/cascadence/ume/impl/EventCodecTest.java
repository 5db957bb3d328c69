package io.cascadence.ume.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;

class EventCodecTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");

    @Test
    void messagesKeepTheOriginalsPackageAndFieldNumbers() {
        Descriptor audit = io.cascadence.ume.proto.AuditEvent.getDescriptor();
        assertThat(audit.getFullName()).isEqualTo("task_cascadence.ume.protos.AuditEvent");
        assertThat(audit.findFieldByName("task_name").getNumber()).isEqualTo(1);
        assertThat(audit.findFieldByName("reason").getNumber()).isEqualTo(4);
        assertThat(audit.findFieldByName("user_hash").getNumber()).isEqualTo(6);
        assertThat(audit.findFieldByName("group_id").getNumber()).isEqualTo(8);
        Descriptor run = io.cascadence.ume.proto.TaskRun.getDescriptor();
        assertThat(run.findFieldByName("spec").getNumber()).isEqualTo(1);
        assertThat(run.findFieldByName("finished_at").getNumber()).isEqualTo(5);
        assertThat(io.cascadence.ume.proto.PointerUpdate.getDescriptor().findFieldByName("user_id").getNumber())
                .isEqualTo(4);
    }

    @Test
    void aStageUpdateTravelsWithHashesOnly() throws Exception {
        Message message = EventCodec.encode(new StageUpdate("demo", "plan", "run-1", "uhash", "ghash", AT))
                .orElseThrow();
        io.cascadence.ume.proto.StageUpdate decoded = io.cascadence.ume.proto.StageUpdate
                .parseFrom(message.toByteArray());
        assertThat(decoded.getTaskName()).isEqualTo("demo");
        assertThat(decoded.getStage()).isEqualTo("plan");
        assertThat(decoded.getRunId()).isEqualTo("run-1");
        assertThat(decoded.getUserHash()).isEqualTo("uhash");
        assertThat(decoded.getGroupHash()).isEqualTo("ghash");
        assertThat(decoded.getUserId()).isEmpty();
        assertThat(decoded.hasGroupId()).isFalse();
        assertThat(decoded.getTime().getSeconds()).isEqualTo(AT.getEpochSecond());
    }

    @Test
    void optionalAuditFieldsAreOnlySetWhenThereIsAValue() {
        io.cascadence.ume.proto.AuditEvent bare = (io.cascadence.ume.proto.AuditEvent) EventCodec
                .encode(new AuditEvent("demo", "run", "success", null, null, "r", null, null, AT)).orElseThrow();
        assertThat(bare.hasReason()).isFalse();
        assertThat(bare.hasOutput()).isFalse();
        io.cascadence.ume.proto.AuditEvent failed = (io.cascadence.ume.proto.AuditEvent) EventCodec
                .encode(new AuditEvent("demo", "run", "error", "boom", "partial", "r", "u", null, AT))
                .orElseThrow();
        assertThat(failed.getReason()).isEqualTo("boom");
        assertThat(failed.getOutput()).isEqualTo("partial");
    }

    @Test
    void aRunCarriesItsSpecStatusAndTimes() {
        io.cascadence.ume.proto.TaskRun run = (io.cascadence.ume.proto.TaskRun) EventCodec.encode(
                new TaskRunEvent("demo", "r1", null, "success", "verify", null, "{\"x\":1}", AT, AT.plusSeconds(2),
                        "u", "g", null)).orElseThrow();
        assertThat(run.getSpec().getName()).isEqualTo("demo");
        assertThat(run.getStatus()).isEqualTo("success");
        assertThat(run.getFinishedAt().getSeconds() - run.getStartedAt().getSeconds()).isEqualTo(2);
        assertThat(run.getResult()).isEqualTo("{\"x\":1}");
        assertThat(run.hasDueAt()).isFalse();
    }
}
