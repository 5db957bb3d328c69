package io.cascadence.scheduler.impl.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.spi.RunExecutor;

class DependencyRunsTest {

    /**
     * Stands in for the core's run engine, which lives in another bundle (its own tests show what the runs do);
     * here what matters is which call the backend makes.
     */
    private static final class Calls implements RunExecutor {
        final List<String> made = new ArrayList<>();

        @Override
        public void check(RunRequest request) {
        }

        @Override
        public RunHandle execute(RunRequest request) {
            made.add("execute " + request.taskName());
            return new RunHandle("r1", new CompletableFuture<>());
        }

        @Override
        public RunHandle executeAfter(RunRequest request, List<String> prerequisites) {
            made.add("executeAfter " + request.taskName() + " " + prerequisites);
            return new RunHandle("r1", new CompletableFuture<>());
        }
    }

    private final Calls executor = new Calls();
    private final Map<String, List<String>> declared = new HashMap<>();
    private final DependencyRuns runs = new DependencyRuns(executor, () -> declared);

    private static RunRequest run(String task) {
        return RunRequest.of(task, Trigger.CRON);
    }

    @Test
    void theSeedsLoadRunsAfterExtractThenTransform() {
        declared.put("Transform", List.of("Extract"));
        declared.put("Load", List.of("Transform"));

        runs.submit(run("Load"));

        assertThat(executor.made).containsExactly("executeAfter Load [Extract, Transform]");
    }

    @Test
    void prerequisitesComeDepthFirstEachOnce() {
        declared.put("A", List.of("B", "C"));
        declared.put("B", List.of("C"));

        runs.submit(run("A"));

        assertThat(executor.made).containsExactly("executeAfter A [C, B]");
    }

    @Test
    void aTaskWithoutPrerequisitesIsAPlainRun() {
        declared.put("Load", List.of("Transform"));

        runs.submit(run("Extract"));
        new DependencyRuns(executor, Map::of).submit(run("Load"));

        assertThat(executor.made).containsExactly("execute Extract", "execute Load");
    }

    @Test
    void aCycleIsRefusedWithItsPathAndNothingRuns() {
        declared.put("A", List.of("B"));
        declared.put("B", List.of("A"));

        assertThatThrownBy(() -> runs.submit(run("A"))).isInstanceOf(InvalidScheduleException.class)
                .hasMessage("Cyclic dependency detected: A -> B -> A");
        assertThat(executor.made).isEmpty();
    }

    @Test
    void aDeclarationMadeMeanwhileAppliesToTheNextRun() {
        runs.submit(run("Load"));
        declared.put("Load", List.of("Transform"));

        runs.submit(run("Load"));

        assertThat(executor.made).containsExactly("execute Load", "executeAfter Load [Transform]");
    }
}
