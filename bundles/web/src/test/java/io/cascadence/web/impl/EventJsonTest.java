package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.IdeaSeed;
import io.cascadence.api.event.PointerUpdate;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskNote;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;

class EventJsonTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00.123456Z");
    private static final String USER = "a".repeat(64);
    private static final String GROUP = "b".repeat(64);

    @Test
    void everyEventOfTheBusHasItsTypeAndItsFieldsInSnakeCaseWithHashesOnly() {
        assertThat(EventJson.describe(new StageUpdate("report", "plan", "r1", USER, GROUP, T))).containsExactly(
                Map.entry("task", "report"), Map.entry("run_id", "r1"), Map.entry("stage", "plan"),
                Map.entry("user_hash", USER), Map.entry("group_hash", GROUP),
                Map.entry("time", "2026-12-05T10:00:00.123456Z"));
        assertThat(EventJson.describe(new AuditEvent("report", "run", "error", "boom", null, "r1", USER, null, T)))
                .containsKeys("task", "run_id", "stage", "status", "reason", "output", "user_hash", "group_hash",
                        "time")
                .containsEntry("status", "error").containsEntry("reason", "boom").containsEntry("group_hash", null);
        assertThat(EventJson.describe(new TaskSpecEvent("report", "plan", "r1", USER, GROUP, T)))
                .containsEntry("description", "plan");
        assertThat(EventJson.describe(new TaskNote("report", null, "looks fine", USER, null, T)))
                .containsEntry("note", "looks fine").containsEntry("run_id", null);
        assertThat(EventJson.describe(new PointerUpdate("family", "r9", USER, null, T)))
                .containsOnlyKeys("task", "run_id", "user_hash", "group_hash", "time");
        assertThat(EventJson.describe(new IdeaSeed("more tests", USER, GROUP, T)))
                .containsOnlyKeys("text", "user_hash", "group_hash", "time").containsEntry("text", "more tests");
    }

    @Test
    void aRunEventCarriesItsOutcomeTimesAndDuration() {
        TaskRunEvent run = new TaskRunEvent("report", "r1.2", "r1", "success", null, null, "42",
                T, T.plusMillis(1_500), USER, GROUP, T.minusSeconds(1));

        Map<String, Object> body = EventJson.describe(run);

        assertThat(body).containsEntry("task", "report").containsEntry("run_id", "r1.2")
                .containsEntry("parent_run_id", "r1").containsEntry("status", "success")
                .containsEntry("result", "42").containsEntry("started_at", "2026-12-05T10:00:00.123456Z")
                .containsEntry("finished_at", "2026-12-05T10:00:01.623456Z").containsEntry("duration_ms", 1_500L)
                .containsEntry("due_at", "2026-12-05T09:59:59.123456Z")
                .containsEntry("time", "2026-12-05T10:00:01.623456Z");
    }

    @Test
    void eachTypeHasItsName() {
        assertThat(EventJson.type(new StageUpdate("t", "run", "r", null, null, T))).isEqualTo("stage");
        assertThat(EventJson.type(new AuditEvent("t", "run", "started", null, null, "r", null, null, T)))
                .isEqualTo("audit");
        assertThat(EventJson.type(new TaskRunEvent("t", "r", null, "error", "run", "x", null, T, T, null, null)))
                .isEqualTo("run");
        assertThat(EventJson.type(new TaskSpecEvent("t", "run", "r", null, null, T))).isEqualTo("spec");
        assertThat(EventJson.type(new TaskNote("t", null, "n", null, null, T))).isEqualTo("note");
        assertThat(EventJson.type(new PointerUpdate("t", "r", USER, null, T))).isEqualTo("pointer");
        assertThat(EventJson.type(new IdeaSeed("i", null, null, T))).isEqualTo("idea");
        CascadenceEvent unknown = new CascadenceEvent() {
            public String taskName() { return "t"; }
            public String runId() { return null; }
            public String userHash() { return null; }
            public String groupHash() { return null; }
            public Instant time() { return T; }
        };
        assertThat(EventMessage.of(unknown, 1)).isNull();
    }

    @Test
    void aMessageIsTypeIdAndOneDataLineEvenWhenATextHasLineBreaks() {
        EventMessage message = EventMessage.of(new TaskNote("t", "r1", "line one\nline two", USER, null, T), 7);

        String frame = new String(message.frame(), StandardCharsets.UTF_8);

        assertThat(frame).startsWith("event: note\nid: 7\ndata: {\"task\":\"t\",\"run_id\":\"r1\",")
                .contains("\"note\":\"line one\\nline two\"").endsWith("}\n\n");
        assertThat(frame.split("\n")).hasSize(3);
        assertThat(message.userHash()).isEqualTo(USER);
        assertThat(message.runId()).isEqualTo("r1");
    }
}
