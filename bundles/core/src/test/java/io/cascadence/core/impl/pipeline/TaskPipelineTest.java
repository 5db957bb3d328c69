package io.cascadence.core.impl.pipeline;

import static io.cascadence.core.impl.pipeline.Pipelines.DIRECT;
import static io.cascadence.core.impl.pipeline.Pipelines.NAME;
import static io.cascadence.core.impl.pipeline.Pipelines.RUN_ID;
import static io.cascadence.core.impl.pipeline.Pipelines.runToEnd;
import static io.cascadence.core.impl.pipeline.Pipelines.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.Planner;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.TaskRunEvent;

/** The stages a run goes through, what they see of each other and what they publish. */
class TaskPipelineTest {

    private static final List<String> ALL_STAGES = List.of("intake", "research", "plan", "precheck", "run",
            "verify");

    private final RecordingBus bus = new RecordingBus();
    private final ResearchProvider echoProvider = (query, context) -> "answer to " + query;

    private static StagedTask allStages() {
        return StagedTask.named("full")
                .intake(c -> "in")
                .research(c -> "q")
                .plan(c -> "p")
                .precheck(c -> true)
                .run(c -> "ran")
                .verify((c, result) -> "verified " + result);
    }

    @Test
    void everyStageRunsInOrderWithStartedThenSuccessAudits() throws Exception {
        StagedTask task = allStages();

        runToEnd(task.build(), services(bus, echoProvider, null, DIRECT));

        assertThat(task.calls()).containsExactlyElementsOf(ALL_STAGES);
        assertThat(bus.stageUpdates(RUN_ID)).containsExactlyElementsOf(ALL_STAGES);
        for (String stage : ALL_STAGES) {
            assertThat(bus.auditStatuses(RUN_ID, stage)).as(stage).containsExactly("started", "success");
        }
    }

    @Test
    void researchIsSkippedWithoutAResearchProvider() throws Exception {
        StagedTask task = allStages();

        runToEnd(task.build(), services(bus));

        assertThat(task.calls()).doesNotContain("research");
        assertThat(bus.auditStatuses(RUN_ID, "research")).containsExactly("started", "skipped");
        assertThat(bus.audits(RUN_ID, "research").get(1).reason()).contains("ResearchProvider");
        assertThat(bus.stageUpdates(RUN_ID)).containsExactlyElementsOf(ALL_STAGES);
    }

    @Test
    void aTaskWithoutPrecheckPublishesNoPrecheckEvents() throws Exception {
        StagedTask task = StagedTask.named("no-precheck").intake(c -> "in").plan(c -> "p").run(c -> "ran");

        runToEnd(task.build(), services(bus));

        assertThat(bus.stageUpdates(RUN_ID)).containsExactly("intake", "research", "plan", "run", "verify");
        assertThat(bus.audits(RUN_ID, "precheck")).isEmpty();
        assertThat(bus.all()).noneMatch(e -> e.toString().contains("precheck"));
    }

    @Test
    void aPlainTaskRunsOnlyItsRunStageAndTheOthersAreSkipped() throws Exception {
        Task plain = context -> 42;

        Object result = runToEnd(plain, services(bus, echoProvider, null, DIRECT));

        assertThat(result).isEqualTo(42);
        assertThat(bus.stageUpdates(RUN_ID)).containsExactly("intake", "research", "plan", "run", "verify");
        assertThat(bus.auditStatuses(RUN_ID, "intake")).containsExactly("started", "skipped");
        assertThat(bus.auditStatuses(RUN_ID, "research")).containsExactly("started", "skipped");
        assertThat(bus.auditStatuses(RUN_ID, "plan")).containsExactly("started", "skipped");
        assertThat(bus.auditStatuses(RUN_ID, "run")).containsExactly("started", "success");
        assertThat(bus.auditStatuses(RUN_ID, "verify")).containsExactly("started", "skipped");
        assertThat(bus.runEvents(RUN_ID)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("success"))
                .satisfies(e -> assertThat(e.result()).isEqualTo("42"));
    }

    @Test
    void theResultIsVerifysResult() throws Exception {
        Object result = runToEnd(allStages().build(), services(bus));

        assertThat(result).isEqualTo("verified ran");
        assertThat(bus.runEvents(RUN_ID)).singleElement().extracting(TaskRunEvent::result)
                .isEqualTo("verified ran");
    }

    @Test
    void earlierResultsAreCarriedForwardToLaterStages() throws Exception {
        List<Object> queriesAsked = new CopyOnWriteArrayList<>();
        ResearchProvider provider = (query, context) -> {
            queriesAsked.add(query);
            return "answer to " + query;
        };
        List<Object> researchSeenByPlan = new CopyOnWriteArrayList<>();
        StagedTask task = StagedTask.named("carry")
                .intake(c -> "intake-value")
                .research(c -> "query about " + c.intakeResult())
                .plan(c -> {
                    researchSeenByPlan.add(c.researchResult());
                    return "the plan";
                })
                .run(c -> "ran");

        runToEnd(task.build(), services(bus, provider, null, DIRECT));

        assertThat(queriesAsked).containsExactly("query about intake-value");
        assertThat(researchSeenByPlan).containsExactly("answer to query about intake-value");
        RunContext seenByRun = task.runContexts().get(0);
        assertThat(seenByRun.intakeResult()).isEqualTo("intake-value");
        assertThat(seenByRun.researchResult()).isEqualTo("answer to query about intake-value");
        assertThat(seenByRun.planResult()).isEqualTo("the plan");
    }

    @Test
    void aTaskWithoutPlanIsPlannedByThePlannerService() throws Exception {
        List<Task> planned = new CopyOnWriteArrayList<>();
        Planner planner = (task, context) -> {
            planned.add(task);
            return "planned for " + context.taskName();
        };
        StagedTask staged = StagedTask.named("unplanned").run(c -> "ran");
        Task task = staged.build();

        runToEnd(task, services(bus, null, planner, DIRECT));

        assertThat(planned).containsExactly(task);
        assertThat(staged.runContexts().get(0).planResult()).isEqualTo("planned for " + NAME);
        assertThat(bus.auditStatuses(RUN_ID, "plan")).containsExactly("started", "success");
    }

    @Test
    void withoutPlanOrPlannerThePlanIsSkippedAndPlanResultIsNull() throws Exception {
        StagedTask staged = StagedTask.named("unplanned").run(c -> "ran");

        runToEnd(staged.build(), services(bus));

        assertThat(staged.runContexts().get(0).planResult()).isNull();
        assertThat(bus.auditStatuses(RUN_ID, "plan")).containsExactly("started", "skipped");
    }

    @Test
    void aTasksOwnPlanIsPreferredToThePlanner() throws Exception {
        Planner planner = (task, context) -> "from planner";
        StagedTask staged = StagedTask.named("planned").plan(c -> "own plan").run(c -> "ran");

        runToEnd(staged.build(), services(bus, null, planner, DIRECT));

        assertThat(staged.runContexts().get(0).planResult()).isEqualTo("own plan");
    }

    @Test
    void eventsCarryTheHashesFromTheRunSpecAndNeverTheRawIds() throws Exception {
        StagedTask child = StagedTask.returning("child", "c");
        StagedTask parent = allStages().plan(c -> List.of(child.build()));
        RunSpec spec = new RunSpec(RUN_ID, NAME, new Identity("alice", "ops-team"), "user-hash", "group-hash", null, "api", null);

        TaskPipeline.of(parent.build(), spec, services(bus, echoProvider, null, DIRECT)).start()
                .get(5, TimeUnit.SECONDS);

        List<CascadenceEvent> events = bus.all();
        assertThat(events).hasSizeGreaterThan(20)
                .allSatisfy(e -> assertThat(e.userHash()).isEqualTo("user-hash"))
                .allSatisfy(e -> assertThat(e.groupHash()).isEqualTo("group-hash"))
                .noneMatch(e -> e.toString().contains("alice") || e.toString().contains("ops-team"));
        assertThat(bus.ofType(AuditEvent.class)).extracting(AuditEvent::runId).contains(RUN_ID, RUN_ID + ".1");
        RunContext seen = parent.runContexts().get(0);
        assertThat(seen.identity()).isEqualTo(new Identity("alice", "ops-team"));
        assertThat(seen.userHash()).contains("user-hash");
        assertThat(seen.groupHash()).contains("group-hash");
        assertThat(child.runContexts().get(0).userHash()).contains("user-hash");
    }
}
