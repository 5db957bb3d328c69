package io.cascadence.web.impl.n8n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;

class N8nWorkflowTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String BASE = "http://127.0.0.1:8000";

    private static TaskInfo task(String name) {
        return new TaskInfo(name, false, false, "bundle", "1.0.0");
    }

    private static ScheduleInfo schedule(String task, String expression, String zone) {
        Schedule schedule = Schedule.of(task, expression).withZone(zone == null ? null : ZoneId.of(zone));
        return new ScheduleInfo(schedule, ScheduleInfo.FILE, ScheduleInfo.ACTIVE,
                zone == null ? UTC : ZoneId.of(zone), null);
    }

    private static JsonNode build(List<TaskInfo> tasks, List<ScheduleInfo> schedules,
            Map<String, List<String>> dependencies) {
        return MAPPER.valueToTree(N8nWorkflow.build(BASE, tasks, schedules, dependencies, UTC, NOW));
    }

    private static JsonNode node(JsonNode workflow, String name) {
        for (JsonNode node : workflow.path("nodes")) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no node named '" + name + "' in " + workflow.path("nodes"));
    }

    /** Where the node's first output leads: "target#input" for each connection. */
    private static List<String> targets(JsonNode workflow, String name) {
        List<String> targets = new ArrayList<>();
        workflow.path("connections").path(name).path("main").path(0)
                .forEach(link -> targets.add(link.path("node").asText() + "#" + link.path("index").asInt()));
        return targets;
    }

    @Test
    void aScheduledTaskGetsAScheduleTriggerAndOneManualTriggerStartsThemAll() {
        JsonNode workflow = build(List.of(task("report"), task("backup"), task("cleanup")),
                List.of(schedule("report", "0 9 * * MON-FRI", null), schedule("backup", "@daily", null)), Map.of());

        assertThat(workflow.path("name").asText()).isEqualTo("Cascadence Export");
        assertThat(workflow.path("settings").path("executionOrder").asText()).isEqualTo("v1");
        assertThat(workflow.path("settings").path("timezone").asText()).isEqualTo("UTC");
        JsonNode trigger = node(workflow, "Schedule report");
        assertThat(trigger.path("type").asText()).isEqualTo(N8nNodes.SCHEDULE_TRIGGER);
        assertThat(trigger.path("parameters").path("rule").path("interval").path(0).toString())
                .isEqualTo("{\"field\":\"cronExpression\",\"expression\":\"0 9 * * 1-5\"}");
        assertThat(node(workflow, "Schedule backup").path("parameters").path("rule").path("interval").path(0)
                .path("expression").asText()).isEqualTo("0 0 * * *");
        assertThat(targets(workflow, "Schedule report")).containsExactly("report#0");
        // By hand, every task runs; on its own, the unscheduled one only runs by hand.
        assertThat(targets(workflow, "Run manually")).containsExactly("backup#0", "cleanup#0", "report#0");
        assertThat(workflow.path("nodes")).extracting(n -> n.path("name").asText()).startsWith("Run manually",
                "Schedule backup", "Schedule report");
        JsonNode report = node(workflow, "report");
        assertThat(report.path("type").asText()).isEqualTo(N8nNodes.HTTP_REQUEST);
        assertThat(report.path("parameters").path("method").asText()).isEqualTo("POST");
        assertThat(report.path("parameters").path("url").asText()).isEqualTo(BASE + "/tasks/report/run");
        assertThat(report.has("disabled")).isFalse();
        Set<String> ids = new HashSet<>();
        workflow.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
        assertThat(ids).hasSize(workflow.path("nodes").size())
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void webhookTasksAreLeftOutAsOnlyADeliveryGivesThemTheirInput() {
        JsonNode workflow = build(List.of(task("report"), new TaskInfo("github_webhook", false, false, "b", "1", false,
                false, List.of("github"))), List.of(), Map.of());

        assertThat(workflow.path("nodes").findValuesAsText("name")).contains("report")
                .doesNotContain("github_webhook");
        assertThat(targets(workflow, "Run manually")).containsExactly("report#0");
    }

    @Test
    void aTaskRunsAfterItsPrerequisitesAndSeveralAreJoinedByAMergeSoItIsCalledOnce() {
        JsonNode workflow = build(List.of(task("extract"), task("transform"), task("audit"), task("load")), List.of(),
                Map.of("transform", List.of("extract"), "load", List.of("transform", "audit")));

        assertThat(targets(workflow, "Run manually")).containsExactly("audit#0", "extract#0");
        assertThat(targets(workflow, "extract")).containsExactly("transform#0");
        assertThat(targets(workflow, "transform")).containsExactly("Before load#0");
        assertThat(targets(workflow, "audit")).containsExactly("Before load#1");
        assertThat(targets(workflow, "Before load")).containsExactly("load#0");
        JsonNode merge = node(workflow, "Before load");
        assertThat(merge.path("type").asText()).isEqualTo(N8nNodes.MERGE);
        assertThat(merge.path("parameters").path("numberInputs").asInt()).isEqualTo(2);
        assertThat(merge.path("parameters").path("chooseBranchMode").asText()).isEqualTo("waitForAll");
        // Laid out left to right in dependency order.
        assertThat(node(workflow, "load").path("position").path(0).asInt())
                .isGreaterThan(node(workflow, "transform").path("position").path(0).asInt());
    }

    @Test
    void moreThanTenPrerequisitesAreJoinedByChainedMerges() {
        List<TaskInfo> tasks = new ArrayList<>();
        List<String> prerequisites = IntStream.rangeClosed(1, 12).mapToObj(i -> "p" + i).toList();
        prerequisites.forEach(p -> tasks.add(task(p)));
        tasks.add(task("final"));

        JsonNode workflow = build(tasks, List.of(), Map.of("final", prerequisites));

        assertThat(node(workflow, "Before final").path("parameters").path("numberInputs").asInt()).isEqualTo(10);
        assertThat(targets(workflow, "Before final")).containsExactly("Before final (2)#0");
        assertThat(targets(workflow, "p12")).containsExactly("Before final (2)#2");
        assertThat(node(workflow, "Before final (2)").path("parameters").path("numberInputs").asInt()).isEqualTo(3);
        assertThat(targets(workflow, "Before final (2)")).containsExactly("final#0");
    }

    @Test
    void nodeNamesAreUniqueWhateverTheTaskNames() {
        String longName = "x".repeat(200);
        JsonNode workflow = build(List.of(task("Run manually"), task("Schedule report"), task("report"),
                task("REPORT"), task(longName), task(longName + "y"), task("tab\there")),
                List.of(schedule("report", "@hourly", null)), Map.of());

        List<String> names = new ArrayList<>();
        workflow.path("nodes").forEach(n -> names.add(n.path("name").asText()));
        assertThat(names.stream().map(String::toLowerCase)).doesNotHaveDuplicates();
        assertThat(names).contains("Run manually", "Schedule report", "REPORT", "report (2)", "Run manually (2)",
                "Schedule report (2)", "tab here", "x".repeat(120), "x".repeat(116) + " (2)")
                .allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(120));
        assertThat(targets(workflow, "Schedule report (2)")).containsExactly("report (2)#0");
        assertThat(node(workflow, "report (2)").path("parameters").path("url").asText())
                .isEqualTo(BASE + "/tasks/report/run");
        assertThat(node(workflow, "x".repeat(116) + " (2)").path("parameters").path("url").asText())
                .isEqualTo(BASE + "/tasks/" + longName + "y/run");
        assertThat(targets(workflow, "Run manually (2)")).contains("Run manually#0", "Schedule report#0");
    }

    @Test
    void namesAndUrlsAreEscaped() throws Exception {
        JsonNode workflow = build(List.of(task("a b/\"c\"")), List.of(), Map.of());

        assertThat(node(workflow, "a b/\"c\"").path("parameters").path("url").asText())
                .isEqualTo(BASE + "/tasks/a%20b%2F%22c%22/run");
        String json = MAPPER.writeValueAsString(N8nWorkflow.build(BASE, List.of(task("a b/\"c\"")), List.of(),
                Map.of(), UTC, NOW));
        assertThat(MAPPER.readTree(json)).isEqualTo(workflow);
    }

    @Test
    void aDisabledTaskIsExportedDisabledWithANote() {
        JsonNode workflow = build(List.of(new TaskInfo("old", true, false, "b", "1")), List.of(), Map.of());

        JsonNode node = node(workflow, "old");
        assertThat(node.path("disabled").asBoolean()).isTrue();
        assertThat(node.path("notes").asText()).contains("disabled in Cascadence", "task enable old");
    }

    @Test
    void aScheduleInAZoneThatKeepsAnotherClockIsExportedDisabledButOneWithTheSameClockIsNot() {
        JsonNode workflow = MAPPER.valueToTree(N8nWorkflow.build(BASE, List.of(task("paris"), task("berlin")),
                List.of(schedule("paris", "30 8 * * *", "Europe/Paris"), schedule("berlin", "0 7 * * *",
                        "Europe/Berlin")), Map.of(), ZoneId.of("Europe/Paris"), NOW));

        assertThat(node(workflow, "Schedule paris").has("disabled")).isFalse();
        assertThat(node(workflow, "Schedule berlin").has("disabled")).isFalse();

        JsonNode utc = MAPPER.valueToTree(N8nWorkflow.build(BASE, List.of(task("paris")),
                List.of(schedule("paris", "30 8 * * *", "Europe/Paris")), Map.of(), UTC, NOW));
        JsonNode trigger = node(utc, "Schedule paris");
        assertThat(trigger.path("disabled").asBoolean()).isTrue();
        assertThat(trigger.path("notes").asText()).contains("Europe/Paris", "workflow's time zone (UTC)");
        assertThat(targets(utc, "Schedule paris")).containsExactly("paris#0");
    }

    @Test
    void unregisteredPrerequisitesAndCyclesAreLeftOutWithANote() {
        JsonNode workflow = build(List.of(task("a"), task("b")), List.of(),
                Map.of("a", List.of("b", "ghost"), "b", List.of("a")));

        assertThat(targets(workflow, "b")).containsExactly("a#0");
        assertThat(targets(workflow, "a")).isEmpty();
        assertThat(node(workflow, "a").path("notes").asText()).contains("'ghost' is not registered");
        assertThat(node(workflow, "b").path("notes").asText()).contains("'a' is left out", "cycle");
        assertThat(targets(workflow, "Run manually")).containsExactly("b#0");
    }

    @Test
    void schedulesOfTasksThatAreNotRegisteredAreLeftOut() {
        JsonNode workflow = build(List.of(task("here")), List.of(schedule("gone", "@daily", null)), Map.of());

        assertThat(workflow.path("nodes")).extracting(n -> n.path("name").asText())
                .containsExactlyInAnyOrder("here", "Run manually");
    }

    @Test
    void baseUrlsAreCheckedAndKeepTheirPathWithoutATrailingSlash() {
        assertThat(BaseUrl.parse("base_url", "https://n8n.example.com:8443/cascadence/"))
                .isEqualTo("https://n8n.example.com:8443/cascadence");
        assertThat(BaseUrl.check("base URL", URI.create("http://[::1]:8000"))).isEqualTo("http://[::1]:8000");
        for (String bad : List.of("ftp://host/", "localhost:8000", "/tasks", "http://", "http://u:p@host/",
                "http://host/?a=b", "http://host/#x", "not a url", "")) {
            assertThatThrownBy(() -> BaseUrl.parse("base_url", bad)).as(bad)
                    .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("base_url '")
                    .hasMessageContaining("http or https URL");
        }
    }
}
