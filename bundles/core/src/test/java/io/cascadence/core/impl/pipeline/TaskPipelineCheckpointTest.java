package io.cascadence.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.Intake;
import io.cascadence.api.Plan;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.Verify;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.spi.Checkpoints;

/** A run that goes on from the stages an earlier attempt completed, and records the ones it completes. */
class TaskPipelineCheckpointTest {

    private final RecordingBus bus = new RecordingBus();
    private final List<String> called = new ArrayList<>();

    /** Intake, plan, run and verify, each noting that it ran; the run adds the intake's and the plan's results. */
    private final class Staged implements Task, Intake, Plan, Verify {
        private final Object plan;

        Staged(Object plan) {
            this.plan = plan;
        }

        @Override
        public Object intake(RunContext context) {
            called.add("intake");
            return Map.of("rows", 3);
        }

        @Override
        public Object plan(RunContext context) {
            called.add("plan");
            return plan;
        }

        @Override
        public Object run(RunContext context) {
            called.add("run");
            return "rows " + ((Map<?, ?>) context.intakeResult()).get("rows") + ", plan " + context.planResult();
        }

        @Override
        public Object verify(RunContext context, Object result) {
            called.add("verify");
            return result + " verified";
        }
    }

    private static final class Recorded implements Checkpoints {
        final Map<String, Object> earlier;
        final Map<String, Object> now = new LinkedHashMap<>();

        Recorded(Map<String, Object> earlier) {
            this.earlier = earlier;
        }

        @Override
        public Map<String, Object> completed() {
            return earlier;
        }

        @Override
        public void completed(String stage, Object value) {
            now.put(stage, value);
        }
    }

    private Object run(Task task, Checkpoints checkpoints) throws Exception {
        return TaskPipeline.of(task, new RunSpec(Pipelines.RUN_ID, Pipelines.NAME, Identity.ANONYMOUS, null, null,
                null, "temporal", null), Pipelines.services(bus), new RunControl(), List.of(), checkpoints).start()
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFirstAttemptRecordsEachStageItCompletesInOrderButNotVerify() throws Exception {
        Recorded checkpoints = new Recorded(Map.of());

        Object result = run(new Staged("fast"), checkpoints);

        assertThat(result).isEqualTo("rows 3, plan fast verified");
        assertThat(called).containsExactly("intake", "plan", "run", "verify");
        assertThat(checkpoints.now.keySet()).containsExactly("intake", "research", "plan", "run");
        assertThat(checkpoints.now.get("intake")).isEqualTo(Map.of("rows", 3));
        assertThat(checkpoints.now.get("research")).isNull(); // the task has no research stage
        assertThat(checkpoints.now.get("plan")).isEqualTo("fast");
        assertThat(checkpoints.now.get("run")).isEqualTo("rows 3, plan fast");
    }

    @Test
    void aLaterAttemptGoesOnAtTheNextStageWithTheEarlierResultsAndSaysSo() throws Exception {
        Map<String, Object> earlier = new LinkedHashMap<>();
        earlier.put("intake", Map.of("rows", 7));
        earlier.put("research", null);
        earlier.put("plan", "slow");
        Recorded checkpoints = new Recorded(earlier);

        Object result = run(new Staged("never asked"), checkpoints);

        assertThat(called).containsExactly("run", "verify");
        assertThat(result).isEqualTo("rows 7, plan slow verified");
        assertThat(bus.audits(Pipelines.RUN_ID, "intake")).extracting(AuditEvent::status)
                .containsExactly(AuditEvent.STARTED, AuditEvent.SKIPPED);
        assertThat(bus.audits(Pipelines.RUN_ID, "plan")).last().satisfies(audit -> {
            assertThat(audit.status()).isEqualTo(AuditEvent.SKIPPED);
            assertThat(audit.reason()).isEqualTo("completed by an earlier attempt of this run");
        });
        assertThat(bus.audits(Pipelines.RUN_ID, "run")).extracting(AuditEvent::status)
                .containsExactly(AuditEvent.STARTED, AuditEvent.SUCCESS);
        // What this attempt hands on includes what it took back, so a third attempt has it all.
        assertThat(checkpoints.now).containsOnlyKeys("intake", "research", "plan", "run");
    }

    @Test
    void theFirstResultThatIsNotJsonEndsTheCheckpointsOfTheAttempt() throws Exception {
        Recorded checkpoints = new Recorded(Map.of());

        run(new Staged(new Object() {
            @Override
            public String toString() {
                return "an object";
            }
        }), checkpoints);

        assertThat(called).containsExactly("intake", "plan", "run", "verify");
        assertThat(checkpoints.now).containsOnlyKeys("intake", "research");
    }
}
