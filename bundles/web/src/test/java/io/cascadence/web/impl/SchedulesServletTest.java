package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.api.Identity;
import io.cascadence.api.schedule.Schedule;

/** {@code GET /schedules} and {@code GET /schedules/{task}}, over an in-memory Schedules service. */
class SchedulesServletTest {

    private final FakeSchedules schedules = new FakeSchedules("report", "backup", "digest");
    private final SchedulesServlet servlet = new SchedulesServlet();

    @BeforeEach
    void inject() {
        Exchange.inject(servlet, "schedules", schedules);
        Exchange.inject(servlet, "config", Exchange.config("s3cr3t"));
        schedules.schedule(Schedule.of("report", "0 9 * * MON-FRI").withZone(ZoneId.of("Europe/Paris"))
                .withIdentity(new Identity("ada", "analysts")));
        schedules.schedule(Schedule.of("backup", "@daily"));
    }

    private Fakes.Response get(String uri) throws IOException {
        return Exchange.of("GET", uri).send(servlet, "/schedules");
    }

    @Test
    void theListIsOrderedByTaskWithEveryFieldAndHashesNeverPlainIds() throws IOException {
        Fakes.Response response = get("/schedules");

        assertThat(response.status).isEqualTo(200);
        JsonNode list = Exchange.json(response);
        assertThat(list).extracting(s -> s.path("task").asText()).containsExactly("backup", "report");
        assertThat(list.get(0).toString()).isEqualTo("{\"task\":\"backup\",\"expression\":\"@daily\","
                + "\"timezone\":\"UTC\",\"timezone_source\":\"scheduler\",\"misfire\":\"run_once\","
                + "\"overlap\":\"skip\",\"source\":\"file\",\"state\":\"active\","
                + "\"next_fire_at\":\"2026-03-03T00:00:00Z\"}");
        JsonNode report = list.get(1);
        assertThat(report.path("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(report.path("timezone_source").asText()).isEqualTo("schedule");
        assertThat(report.path("user_hash").asText()).isEqualTo(Identity.hash("s3cr3t", "ada")).hasSize(64);
        assertThat(report.path("group_hash").asText()).isEqualTo(Identity.hash("s3cr3t", "analysts"));
        assertThat(response.text()).doesNotContain("\"ada\"", "analysts");
    }

    @Test
    void anEmptyBookIsAnEmptyList() throws IOException {
        schedules.kept.clear();

        assertThat(get("/schedules").text()).isEqualTo("[]");
    }

    @Test
    void oneScheduleByTaskAnd404ForATaskWithout() throws IOException {
        Fakes.Response report = get("/schedules/report");
        Fakes.Response digest = get("/schedules/digest");

        assertThat(report.status).isEqualTo(200);
        assertThat(Exchange.json(report).path("expression").asText()).isEqualTo("0 9 * * MON-FRI");
        assertThat(digest.status).isEqualTo(404);
        assertThat(digest.text()).isEqualTo("{\"status\":404,\"detail\":\"Unknown schedule: digest\"}");
    }

    @Test
    void withoutTheSchedulesServiceItIs503() throws IOException {
        Exchange.inject(servlet, "schedules", null);

        Fakes.Response response = get("/schedules");

        assertThat(response.status).isEqualTo(503);
        assertThat(Exchange.json(response).path("detail").asText()).startsWith("schedules are not available");
    }

    @Test
    void onlyGetIsTaken() throws IOException {
        Fakes.Response response = Exchange.of("POST", "/schedules").send(servlet, "/schedules");

        assertThat(response.status).isEqualTo(405);
        assertThat(response.headers).containsEntry("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void aHashGivenBackFromTheFileIsShownAsItIs() {
        String hash = "a".repeat(64);

        assertThat(Identity.hash("s3cr3t", hash)).isEqualTo(hash);
        assertThat(Identity.hash("", "ada")).isNotEqualTo(Identity.hash("s3cr3t", "ada"));
    }
}
