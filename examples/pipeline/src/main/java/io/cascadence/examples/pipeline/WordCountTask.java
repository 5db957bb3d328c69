package io.cascadence.examples.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.Intake;
import io.cascadence.api.Plan;
import io.cascadence.api.Precheck;
import io.cascadence.api.Research;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;
import io.cascadence.api.Verify;

/**
 * Every stage in one task: intake picks a text, research asks for a dictionary of stop words (answered by a
 * ResearchProvider service, {@link StopWordsProvider} here), plan splits the text, precheck refuses an empty plan,
 * run counts words asynchronously, and verify checks the count before it becomes the run's result.
 */
@Component(service = Task.class)
@TaskName("word-count")
public class WordCountTask implements Task, Intake, Research, Plan, Precheck, Verify {

    static final String TEXT = "the quick brown fox jumps over the lazy dog";

    @Override
    public Object intake(RunContext context) {
        return TEXT;
    }

    @Override
    public Object research(RunContext context) {
        return "dictionary:en";
    }

    @Override
    public Object plan(RunContext context) {
        return Arrays.asList(((String) context.intakeResult()).split(" "));
    }

    @Override
    public Object precheck(RunContext context) {
        return !((List<?>) context.planResult()).isEmpty();
    }

    /** Asynchronous: the pipeline goes on when the future completes, without a thread waiting for it. */
    @Override
    public CompletionStage<Object> run(RunContext context) {
        List<?> words = (List<?>) context.planResult();
        List<?> stopWords = context.researchResult() instanceof List<?> answer ? answer : List.of();
        return CompletableFuture.supplyAsync(() -> Map.of("words", words.size(),
                "distinct", words.stream().distinct().count(),
                "meaningful", words.stream().filter(w -> !stopWords.contains(w)).count()),
                CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
    }

    @Override
    public Object verify(RunContext context, Object result) {
        Map<?, ?> counts = (Map<?, ?>) result;
        if ((Integer) counts.get("words") != 9) {
            throw new IllegalStateException("expected 9 words, counted " + counts.get("words"));
        }
        return counts;
    }
}
