package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskPath;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.TaskStore;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;

/**
 * {@code POST|DELETE /tasks/{name}/schedule}, {@code POST /tasks/{name}/dependencies} and {@code POST /tasks} with
 * a schedule, through {@link TasksServlet} and the real {@link JsonErrorsFilter}, over an in-memory Schedules
 * service ({@link FakeSchedules}: the real one is written in parallel and tested in a container).
 */
class TaskScheduleRoutesTest {

    /** hash("" + "ada"), the original's hash without a secret. */
    private static final String ADA = Identity.hash("", "ada");

    private final FakeSchedules schedules = new FakeSchedules("report", "extract", "load");
    private final RecordingStore store = new RecordingStore();
    private TasksServlet servlet;

    /** Records registrations; registers every path's class under {@code name=}. */
    private static final class RecordingStore implements TaskStore {

        final List<TaskPath> registered = new ArrayList<>();

        @Override
        public TaskInfo register(String path, String name, String schedule) {
            if (!path.contains(":")) {
                throw new InvalidRequestException("path must be 'bundle:Class'");
            }
            registered.add(new TaskPath(path, name, schedule));
            return new TaskInfo(name, false, false, "b", "1.0.0");
        }

        @Override
        public List<TaskPath> paths() {
            return registered;
        }
    }

    @BeforeEach
    void activate() {
        servlet = new TasksServlet();
        Exchange.inject(servlet, "store", store);
        Exchange.inject(servlet, "registry", new TaskRegistry() {
            @Override
            public List<TaskInfo> tasks() {
                return List.of();
            }

            @Override
            public Optional<TaskInfo> task(String name) {
                return Optional.empty();
            }
        });
        Exchange.inject(servlet, "config", Exchange.config(""));
        Exchange.inject(servlet, "schedules", schedules);
        servlet.activate(webConfiguration());
    }

    @AfterEach
    void deactivate() {
        servlet.deactivate();
    }

    private Fakes.Response send(Exchange exchange) throws IOException {
        return exchange.send(servlet, "/tasks");
    }

    @Test
    void scheduleKeepsTheScheduleForTheCallerAndAnswersItsNextFireTimeWithTheOriginalsKeysFirst() throws IOException {
        Fakes.Response response = send(Exchange.of("POST", "/tasks/report/schedule?expression=0%209%20*%20*%20mon-fri"
                + "&timezone=Europe/Paris&misfire=skip&overlap=allow").header("X-User-ID", "ada"));

        assertThat(response.status).isEqualTo(200);
        // 09:00 in Paris (UTC+1 in early March) on the next weekday after Monday 08:30 UTC
        assertThat(response.text()).isEqualTo("{\"status\":\"scheduled\",\"expression\":\"0 9 * * MON-FRI\","
                + "\"task\":\"report\",\"timezone\":\"Europe/Paris\",\"timezone_source\":\"schedule\","
                + "\"misfire\":\"skip\",\"overlap\":\"allow\",\"source\":\"file\",\"state\":\"active\","
                + "\"next_fire_at\":\"2026-03-03T08:00:00Z\",\"user_hash\":\"" + ADA + "\"}");
        Schedule kept = schedules.kept.get("report");
        assertThat(kept.identity()).isEqualTo(new Identity("ada", null));
        assertThat(kept.misfire()).isEqualTo(MisfirePolicy.SKIP);
        assertThat(kept.overlap()).isEqualTo(OverlapPolicy.ALLOW);
    }

    @Test
    void withoutATimezoneTheScheduleFollowsTheSchedulersAndHasNoIdentity() throws IOException {
        JsonNode body = Exchange.json(send(Exchange.of("POST", "/tasks/report/schedule?expression=@hourly")));

        assertThat(body.path("timezone").asText()).isEqualTo("UTC");
        assertThat(body.path("timezone_source").asText()).isEqualTo("scheduler");
        assertThat(body.path("next_fire_at").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(body.has("user_hash")).isFalse();
        assertThat(schedules.kept.get("report").zone()).isNull();
    }

    @Test
    void anUnknownTaskIs404() throws IOException {
        Fakes.Response response = send(Exchange.of("POST", "/tasks/nope/schedule?expression=@daily"));

        assertThat(response.status).isEqualTo(404);
        assertThat(response.text()).isEqualTo("{\"status\":404,\"detail\":\"Unknown task: nope\"}");
    }

    @Test
    void aBadExpressionIs400NamingTheFieldAndNothingIsKept() throws IOException {
        Fakes.Response response = send(Exchange.of("POST", "/tasks/report/schedule?expression=61%20*%20*%20*%20*"));

        assertThat(response.status).isEqualTo(400);
        assertThat(Exchange.json(response).path("detail").asText()).startsWith("minute field '61' is not valid");
        assertThat(schedules.kept).isEmpty();
    }

    @Test
    void aMissingExpressionIs400SayingWhatIsExpected() throws IOException {
        for (String uri : List.of("/tasks/report/schedule", "/tasks/report/schedule?expression=%20")) {
            Fakes.Response response = send(Exchange.of("POST", uri));

            assertThat(response.status).as(uri).isEqualTo(400);
            assertThat(Exchange.json(response).path("detail").asText()).as(uri).startsWith(
                    "expression query parameter is required: a cron expression of five fields (minute hour "
                            + "day-of-month month day-of-week) such as '0 9 * * MON-FRI'");
        }
    }

    @Test
    void anUnknownZoneOrPolicyIs400NamingIt() throws IOException {
        Fakes.Response zone = send(Exchange.of("POST", "/tasks/report/schedule?expression=@daily&timezone=Mars/Base"));
        Fakes.Response misfire = send(Exchange.of("POST", "/tasks/report/schedule?expression=@daily&misfire=never"));

        assertThat(zone.status).isEqualTo(400);
        assertThat(Exchange.json(zone).path("detail").asText()).startsWith("timezone 'Mars/Base' is not a known time zone");
        assertThat(misfire.status).isEqualTo(400);
        assertThat(Exchange.json(misfire).path("detail").asText())
                .isEqualTo("misfire policy 'never' is not known: expected one of skip, run_once, run_all");
        assertThat(schedules.kept).isEmpty();
    }

    @Test
    void aBackendThatDoesNotRunSchedulesIs409() throws IOException {
        schedules.unsupportedBackend = "base";

        Fakes.Response response = send(Exchange.of("POST", "/tasks/report/schedule?expression=@daily"));

        assertThat(response.status).isEqualTo(409);
        assertThat(Exchange.json(response).path("detail").asText())
                .startsWith("the 'base' scheduler backend does not run schedules");
    }

    @Test
    void withoutTheSchedulesServiceEveryScheduleRouteIs503AndTheOthersGoOn() throws IOException {
        Exchange.inject(servlet, "schedules", null);

        for (Exchange exchange : List.of(Exchange.of("POST", "/tasks/report/schedule?expression=@daily"),
                Exchange.of("DELETE", "/tasks/report/schedule"),
                Exchange.of("POST", "/tasks/report/dependencies?deps=extract"),
                Exchange.of("POST", "/tasks?path=b:C&name=report&schedule=@daily"))) {
            Fakes.Response response = send(exchange);

            assertThat(response.status).isEqualTo(503);
            assertThat(Exchange.json(response).path("detail").asText()).startsWith("schedules are not available: "
                    + "the scheduler bundle (io.cascadence.scheduler) that keeps them is not installed or not started");
        }
        assertThat(store.registered).isEmpty();
        assertThat(send(Exchange.of("POST", "/tasks?path=b:C&name=report")).status).isEqualTo(200);
    }

    @Test
    void unscheduleRemovesTheScheduleAndASecondTimeIs404() throws IOException {
        send(Exchange.of("POST", "/tasks/report/schedule?expression=@daily"));

        Fakes.Response first = send(Exchange.of("DELETE", "/tasks/report/schedule"));
        Fakes.Response second = send(Exchange.of("DELETE", "/tasks/report/schedule"));

        assertThat(first.status).isEqualTo(200);
        assertThat(first.text()).isEqualTo("{\"status\":\"unscheduled\",\"name\":\"report\"}");
        assertThat(schedules.kept).isEmpty();
        assertThat(second.status).isEqualTo(404);
        assertThat(second.text()).isEqualTo("{\"status\":404,\"detail\":\"Unknown schedule: report\"}");
    }

    @Test
    void theSchedulePathTakesPostAndDeleteOnly() throws IOException {
        Fakes.Response response = send(Exchange.of("GET", "/tasks/report/schedule"));

        assertThat(response.status).isEqualTo(405);
        assertThat(response.headers).containsEntry("Allow", "POST, DELETE, OPTIONS");
    }

    @Test
    void dependenciesComeAsAJsonListOrAsDeps() throws IOException {
        Fakes.Response body = send(Exchange.of("POST", "/tasks/load/dependencies").body("[\"extract\", \"clean\"]"));
        Fakes.Response query = send(Exchange.of("POST", "/tasks/report/dependencies?deps=load,%20extract"));
        Fakes.Response none = send(Exchange.of("POST", "/tasks/extract/dependencies").body("[]"));

        assertThat(body.status).isEqualTo(200);
        assertThat(body.text()).isEqualTo(
                "{\"status\":\"updated\",\"name\":\"load\",\"dependencies\":[\"extract\",\"clean\"]}");
        assertThat(query.status).isEqualTo(200);
        assertThat(schedules.dependencies).containsEntry("report", List.of("load", "extract"))
                .containsEntry("extract", List.of());
        assertThat(none.status).isEqualTo(200);
    }

    @Test
    void aCycleIs400NamingIt() throws IOException {
        send(Exchange.of("POST", "/tasks/load/dependencies?deps=extract"));

        Fakes.Response response = send(Exchange.of("POST", "/tasks/extract/dependencies?deps=load"));

        assertThat(response.status).isEqualTo(400);
        assertThat(Exchange.json(response).path("detail").asText()).contains("extract -> load -> extract");
        assertThat(schedules.dependencies).doesNotContainKey("extract");
    }

    @Test
    void dependenciesThatAreMissingMalformedOrGivenTwiceAre400() throws IOException {
        for (Exchange exchange : List.of(Exchange.of("POST", "/tasks/load/dependencies"),
                Exchange.of("POST", "/tasks/load/dependencies").body("{\"deps\": [\"a\"]}"),
                Exchange.of("POST", "/tasks/load/dependencies").body("[1, 2]"),
                Exchange.of("POST", "/tasks/load/dependencies?deps=a").body("[\"a\"]"))) {
            Fakes.Response response = send(exchange);

            assertThat(response.status).isEqualTo(400);
            assertThat(Exchange.json(response).path("detail").asText()).containsAnyOf("dependencies are required",
                    "give the dependencies once");
        }
        assertThat(schedules.dependencies).isEmpty();
    }

    @Test
    void aRegistrationWithAScheduleRegistersThenSchedulesForTheCallerAndTasksYmlKeepsNoCopy() throws IOException {
        Fakes.Response response = send(Exchange.of("POST", "/tasks?path=b:C&name=report&schedule=*/15%20*%20*%20*%20*")
                .header("X-User-ID", "ada").header("X-Group-ID", "ops"));

        assertThat(response.status).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"status\":\"registered\",\"name\":\"report\","
                + "\"schedule\":\"*/15 * * * *\",\"next_fire_at\":\"2026-03-02T08:45:00Z\"}");
        assertThat(store.registered).containsExactly(new TaskPath("b:C", "report", null));
        assertThat(schedules.kept.get("report").identity()).isEqualTo(new Identity("ada", "ops"));
    }

    @Test
    void aRegistrationWithABadScheduleIsRefusedBeforeAnythingIsRegistered() throws IOException {
        Fakes.Response response = send(Exchange.of("POST", "/tasks?path=b:C&name=report&schedule=*%20*%20*"));

        assertThat(response.status).isEqualTo(400);
        assertThat(Exchange.json(response).path("detail").asText())
                .startsWith("schedule: cron expression '* * *' has 3 fields: expected 5");
        assertThat(store.registered).isEmpty();
        assertThat(schedules.kept).isEmpty();
    }

    @Test
    void aRegistrationWithoutAScheduleAnswersNullsAndSchedulesNothing() throws IOException {
        Fakes.Response response = send(Exchange.of("POST", "/tasks?path=b:C&name=report"));

        assertThat(response.text()).isEqualTo(
                "{\"status\":\"registered\",\"name\":\"report\",\"schedule\":null,\"next_fire_at\":null}");
        assertThat(schedules.kept).isEmpty();
    }

    @Test
    void aScheduleTheBackendRefusesAfterRegisteringSaysTheTaskIsRegistered() throws IOException {
        schedules.unsupportedBackend = "base";

        Fakes.Response response = send(Exchange.of("POST", "/tasks?path=b:C&name=report&schedule=@daily"));

        assertThat(response.status).isEqualTo(409);
        assertThat(Exchange.json(response).path("detail").asText()).startsWith(
                "task 'report' is registered, but its schedule is not kept: the 'base' scheduler backend");
        assertThat(store.registered).hasSize(1);
    }

    private static WebConfiguration webConfiguration() {
        return (WebConfiguration) Proxy.newProxyInstance(WebConfiguration.class.getClassLoader(),
                new Class<?>[] {WebConfiguration.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "sync__wait" -> 30.0;
                    case "max__body__size" -> 1 << 20;
                    case "annotationType" -> WebConfiguration.class;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
