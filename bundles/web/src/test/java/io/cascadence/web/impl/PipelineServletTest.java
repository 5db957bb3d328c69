package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.api.Identity;
import io.cascadence.api.StageEvents;

/** GET /pipeline/{task} and /pipeline/{task}/audit: the caller's own events, the original's scope refusals. */
class PipelineServletTest {

    private static final String ALICE = Identity.hash("", "alice");
    private static final String BOB = Identity.hash("", "bob");

    private final List<Object[]> asked = new ArrayList<>();
    private final StageEvents stages = (task, category, user, group) -> {
        asked.add(new Object[] {task, category, user, group});
        return List.of(Map.of("stage", "run", "time", "2026-12-05T07:00:00Z", "user_hash", user));
    };

    @Test
    void stageEventsAreTheCallersOwnFromHeaderOrQuery() throws Exception {
        Fakes.Response response = Exchange.of("GET", "/pipeline/report").header("X-User-ID", "alice")
                .send(servlet(), "/pipeline");

        assertThat(response.status).isEqualTo(200);
        assertThat(Exchange.json(response).get(0).path("user_hash").asText()).isEqualTo(ALICE);
        assertThat(asked.get(0)).containsExactly("report", StageEvents.Category.STAGE, ALICE, null);

        Exchange.of("GET", "/pipeline/report/audit?user_id=alice&group_id=ops").send(servlet(), "/pipeline");
        assertThat(asked.get(1)).containsExactly("report", StageEvents.Category.AUDIT, ALICE,
                Identity.hash("", "ops"));
    }

    @Test
    void withoutAUserItIs400AsThePointerRoutesAre() throws Exception {
        Fakes.Response response = Exchange.of("GET", "/pipeline/report").send(servlet(), "/pipeline");

        assertThat(response.status).isEqualTo(400);
        assertThat(Exchange.json(response).path("detail").asText()).startsWith("user_id header required");
        assertThat(asked).isEmpty();
    }

    @Test
    void askingForAnotherUsersOrGroupsAuditIs403InTheOriginalsWords() throws Exception {
        Fakes.Response user = Exchange.of("GET", "/pipeline/report/audit?user_hash=" + BOB)
                .header("X-User-ID", "alice").send(servlet(), "/pipeline");
        JsonNode body = Exchange.json(user);
        assertThat(user.status).isEqualTo(403);
        assertThat(body.path("detail").asText()).isEqualTo("cannot access requested user scope");

        Fakes.Response group = Exchange.of("GET", "/pipeline/report/audit?group_id=dev")
                .header("X-User-ID", "alice").header("X-Group-ID", "ops").send(servlet(), "/pipeline");
        assertThat(group.status).isEqualTo(403);
        assertThat(Exchange.json(group).path("detail").asText()).isEqualTo("cannot access requested group scope");
        assertThat(asked).isEmpty();

        Fakes.Response own = Exchange.of("GET", "/pipeline/report/audit?user_hash=alice")
                .header("X-User-ID", "alice").send(servlet(), "/pipeline");
        assertThat(own.status).as("a plain id is hashed before it is compared").isEqualTo(200);
    }

    private PipelineServlet servlet() {
        PipelineServlet servlet = new PipelineServlet();
        Exchange.inject(servlet, "stages", stages);
        Exchange.inject(servlet, "config", Exchange.config(""));
        return servlet;
    }
}
