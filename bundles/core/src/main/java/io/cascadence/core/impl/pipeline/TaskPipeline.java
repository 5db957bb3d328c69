package io.cascadence.core.impl.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.Intake;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.JsonValues;
import io.cascadence.api.ParallelPlan;
import io.cascadence.api.Plan;
import io.cascadence.api.Planner;
import io.cascadence.api.Precheck;
import io.cascadence.api.Research;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.Verify;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;
import io.cascadence.api.spi.Checkpoints;

/**
 * Runs one task through the stages it has: intake, research, plan, precheck, run, verify (after its prerequisites,
 * in the {@code dependency} stage, when it has any). Stages may return {@link CompletionStage}s; the pipeline
 * composes them and never waits on a thread. A stage that completes on a foreign thread hands the rest of the run
 * to the services' executor. Between stages the pipeline can be paused; a paused pipeline holds no thread. Every
 * stage publishes an audit "started", a task spec and a stage update, then an audit "success", "error" or
 * "skipped"; the run ends with a {@link TaskRunEvent}.
 */
public final class TaskPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(TaskPipeline.class);

    /** Where a run runs its prerequisites, before its intake; only a run that has prerequisites has it. */
    public static final String DEPENDENCY = "dependency";
    public static final String INTAKE = "intake";
    public static final String RESEARCH = "research";
    public static final String PLAN = "plan";
    public static final String PRECHECK = "precheck";
    public static final String RUN = "run";
    public static final String VERIFY = "verify";

    private final Task task;
    private final PipelineRun run;
    private final PipelineServices services;
    private final RunControl control;
    private final List<Prerequisite> prerequisites;
    private final List<TaskPipeline> children = new CopyOnWriteArrayList<>();
    private final PauseGate gate;
    /** What an earlier attempt completed and where this one's completions go; null for none (nested runs too). */
    private final Checkpoints checkpoints;
    /** False from the first stage whose result cannot be checkpointed: an attempt records a prefix only. */
    private volatile boolean checkpointing = true;

    TaskPipeline(Task task, PipelineRun run, PipelineServices services, RunControl control) {
        this(task, run, services, control, List.of());
    }

    private TaskPipeline(Task task, PipelineRun run, PipelineServices services, RunControl control,
            List<Prerequisite> prerequisites) {
        this(task, run, services, control, prerequisites, null);
    }

    private TaskPipeline(Task task, PipelineRun run, PipelineServices services, RunControl control,
            List<Prerequisite> prerequisites, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.prerequisites = List.copyOf(prerequisites);
        this.task = task;
        this.run = run;
        this.services = services;
        this.control = control;
        this.gate = new PauseGate(services.executor());
    }

    /** A pipeline for one run of a registered task, which nobody ends from outside. */
    public static TaskPipeline of(Task task, RunSpec spec, PipelineServices services) {
        return of(task, spec, services, new RunControl());
    }

    /** A pipeline for one run of a registered task, ended from outside through {@code control}. */
    public static TaskPipeline of(Task task, RunSpec spec, PipelineServices services, RunControl control) {
        return of(task, spec, services, control, List.of());
    }

    /**
     * A pipeline for one run of a registered task that first runs {@code prerequisites}, in order, as its nested
     * runs {@code runId.1}, {@code runId.2}, ... under the same control: ending the run ends the one in progress.
     */
    public static TaskPipeline of(Task task, RunSpec spec, PipelineServices services, RunControl control,
            List<Prerequisite> prerequisites) {
        return of(task, spec, services, control, prerequisites, null);
    }

    /**
     * As {@link #of(Task, RunSpec, PipelineServices, RunControl, List)}, going on from the stages an earlier attempt
     * completed and reporting this attempt's to {@code checkpoints} ({@code null} for none). A run with
     * prerequisites is not checkpointed: its prerequisites are runs of their own.
     */
    public static TaskPipeline of(Task task, RunSpec spec, PipelineServices services, RunControl control,
            List<Prerequisite> prerequisites, Checkpoints checkpoints) {
        return new TaskPipeline(task, new PipelineRun(spec, prerequisites.size(), control::cancelled), services,
                control, prerequisites, prerequisites.isEmpty() ? checkpoints : null);
    }

    public String runId() {
        return run.runId();
    }

    public String taskName() {
        return run.taskName();
    }

    /**
     * Starts the run on the calling thread, up to the first stage that does not complete at once. A pipeline
     * paused before it starts holds before its first stage.
     */
    public CompletableFuture<Object> start() {
        Instant startedAt = services.clock().instant();
        CompletableFuture<Object> flow = gate().thenCompose(open -> prerequisites());
        flow = next(flow, v -> resumable(INTAKE, this::intake));
        flow = next(flow, v -> resumable(RESEARCH, this::research));
        flow = next(flow, v -> resumable(PLAN, this::plan));
        if (task instanceof Precheck) {
            flow = next(flow, v -> resumable(PRECHECK, this::precheck));
        }
        flow = next(flow, v -> resumable(RUN, this::runStage));
        flow = next(flow, this::verify);
        return flow.handle((result, error) -> finish(startedAt, result, error));
    }

    /** Holds the run before its next stage, and the runs its plan started. */
    public void pause() {
        gate.close();
        children.forEach(TaskPipeline::pause);
        stageUpdate("paused");
    }

    public void resume() {
        boolean was = gate.closed();
        children.forEach(TaskPipeline::resume);
        if (was) {
            stageUpdate("resumed"); // before the stages go on, so that it comes before theirs
        }
        gate.open();
    }

    private CompletableFuture<Object> next(CompletableFuture<Object> previous,
            Function<Object, CompletableFuture<Object>> stage) {
        Function<Object, CompletableFuture<Object>> gated = value -> gate().thenCompose(open -> stage.apply(value));
        return previous.isDone() ? previous.thenCompose(gated) : previous.thenComposeAsync(gated, services.executor());
    }

    /**
     * Lets a run held between stages go on to its end once it has been ended from outside: the waiting stage
     * fails at once, so the run holds no memory of a pause nobody will lift.
     */
    public void release() {
        gate.fail(ended());
        children.forEach(TaskPipeline::release);
    }

    private CompletableFuture<Void> gate() {
        return control.cancelled() ? CompletableFuture.failedFuture(ended()) : gate.pass();
    }

    /**
     * A stage that an earlier attempt completed is not run again: its result is taken back (the later stages see
     * it as if it had just run) and the stage is recorded as skipped. Otherwise it runs, and its result is
     * checkpointed while every earlier one was.
     */
    private CompletableFuture<Object> resumable(String name, Supplier<CompletableFuture<Object>> stage) {
        if (checkpoints == null) {
            return stage.get();
        }
        Map<String, Object> earlier = checkpoints.completed();
        if (earlier != null && earlier.containsKey(name)) {
            Object value = earlier.get(name);
            switch (name) {
                case INTAKE -> run.intakeResult(value);
                case RESEARCH -> run.researchResult(value);
                case PLAN -> run.planResult(value);
                default -> {
                }
            }
            checkpoint(name, value);
            return skipped(name, "completed by an earlier attempt of this run", value);
        }
        return stage.get().thenApply(value -> {
            checkpoint(name, value);
            return value;
        });
    }

    private void checkpoint(String name, Object value) {
        if (!checkpointing) {
            return;
        }
        Object json;
        try {
            json = JsonValues.copyOf(value); // what the checkpoints keep cannot change under them
        } catch (InvalidRequestException notJson) {
            checkpointing = false;
            return;
        }
        try {
            checkpoints.completed(name, json);
        } catch (RuntimeException e) {
            checkpointing = false;
            LOG.warn("Run {}: the {} stage could not be checkpointed; a later attempt starts over from it: {}",
                    run.runId(), name, e.toString());
        }
    }

    /** Runs the prerequisites, if any, as this run's first nested runs; one that does not succeed fails the run. */
    private CompletableFuture<Object> prerequisites() {
        if (prerequisites.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return stage(DEPENDENCY, () -> Prerequisite.runInOrder(prerequisites, (index, prerequisite) ->
                gate().thenCompose(open -> {
                    TaskPipeline pipeline = new TaskPipeline(prerequisite.task(),
                            run.prerequisite(index, prerequisite.taskName()), services, control);
                    children.add(pipeline);
                    return pipeline.start();
                })));
    }

    private CompletableFuture<Object> intake() {
        if (!(task instanceof Intake intake)) {
            return skipped(INTAKE, "the task has no intake stage", null);
        }
        return stage(INTAKE, () -> intake.intake(run)).thenApply(value -> {
            run.intakeResult(value);
            return value;
        });
    }

    /** Research never fails a run: its failure is recorded and the run goes on without an answer. */
    private CompletableFuture<Object> research() {
        if (!(task instanceof Research research)) {
            return skipped(RESEARCH, "the task has no research stage", null);
        }
        ResearchProvider provider = services.researchProvider().get();
        if (provider == null) {
            return skipped(RESEARCH, "no ResearchProvider service is installed", null);
        }
        audit(RESEARCH, AuditEvent.STARTED, null, null);
        CompletableFuture<Object> answer = call(() -> research.research(run))
                .thenCompose(query -> call(() -> provider.research(query, run)));
        return answer.handle((value, error) -> {
            markStage(RESEARCH);
            if (error != null) {
                audit(RESEARCH, AuditEvent.ERROR, TaskFailedException.messageOf(Futures.unwrap(error)), null);
                return null;
            }
            run.researchResult(value);
            audit(RESEARCH, AuditEvent.SUCCESS, null, Previews.of(value));
            return value;
        });
    }

    private CompletableFuture<Object> plan() {
        CompletableFuture<Object> plan;
        if (task instanceof Plan own) {
            plan = stage(PLAN, () -> own.plan(run));
        } else {
            Planner planner = services.planner().get();
            if (planner == null) {
                return skipped(PLAN, "the task has no plan stage and no Planner service is installed", null);
            }
            plan = stage(PLAN, () -> planner.plan(task, run));
        }
        return plan.thenApply(value -> {
            run.planResult(value);
            return value;
        });
    }

    private CompletableFuture<Object> precheck() {
        Precheck check = (Precheck) task;
        return stage(PRECHECK, () -> call(() -> check.precheck(run)).thenApply(passed -> {
            if (Boolean.TRUE.equals(passed)) {
                return passed;
            }
            throw new StageFailure(PRECHECK, Boolean.FALSE.equals(passed) ? "precheck failed"
                    : "precheck returned " + Previews.of(passed) + "; expected true or false", null);
        }));
    }

    /** Runs the plan's sub-tasks first, if it has any; then the task's own run with their results. */
    private CompletableFuture<Object> runStage() {
        return stage(RUN, () -> {
            List<Task> subtasks = subtasks(run.planResult());
            CompletableFuture<Object> before = subtasks == null ? CompletableFuture.completedFuture(null)
                    : runChildren(subtasks, run.planResult() instanceof ParallelPlan).thenApply(results -> {
                        run.planResult(results);
                        return results;
                    });
            return before.thenCompose(ignored -> call(() -> task.run(run)));
        });
    }

    private CompletableFuture<Object> verify(Object result) {
        if (!(task instanceof Verify verify)) {
            return skipped(VERIFY, "the task has no verify stage", result);
        }
        return stage(VERIFY, () -> verify.verify(run, result));
    }

    private CompletableFuture<List<Object>> runChildren(List<Task> subtasks, boolean parallel) {
        List<TaskPipeline> pipelines = new ArrayList<>();
        for (int i = 0; i < subtasks.size(); i++) {
            TaskPipeline child = new TaskPipeline(subtasks.get(i), run.child(i + 1), services, control);
            pipelines.add(child);
            children.add(child);
        }
        if (parallel) {
            List<CompletableFuture<Object>> running = pipelines.stream()
                    .map(child -> CompletableFuture.supplyAsync(child::start, services.executor())
                            .thenCompose(Function.identity()))
                    .toList();
            return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .handle((ignored, error) -> collect(running));
        }
        CompletableFuture<List<Object>> results = CompletableFuture.completedFuture(new ArrayList<>());
        for (TaskPipeline child : pipelines) {
            results = results.thenCompose(list -> child.start().thenApply(value -> {
                list.add(value);
                return list;
            }));
        }
        return results;
    }

    private static List<Object> collect(List<CompletableFuture<Object>> running) {
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> child : running) {
            results.add(child.join()); // all are done; the first failure, in plan order, fails the parent
        }
        return results;
    }

    /** The plan's sub-tasks, or {@code null} when the plan is an ordinary value. */
    private static List<Task> subtasks(Object plan) {
        if (plan instanceof ParallelPlan parallel) {
            return parallel.tasks();
        }
        if (plan instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Task.class::isInstance)) {
            return list.stream().map(Task.class::cast).toList();
        }
        return null;
    }

    private CompletableFuture<Object> stage(String name, Callable<Object> body) {
        audit(name, AuditEvent.STARTED, null, null);
        return call(body).handle((value, error) -> {
            markStage(name);
            if (error != null) {
                Throwable cause = Futures.unwrap(error);
                StageFailure failure = cause instanceof StageFailure known ? known
                        : new StageFailure(name, reason(cause), cause);
                audit(name, AuditEvent.ERROR, failure.reason(), null);
                throw failure;
            }
            audit(name, AuditEvent.SUCCESS, null, Previews.of(value));
            return value;
        });
    }

    private CompletableFuture<Object> skipped(String name, String reason, Object passThrough) {
        audit(name, AuditEvent.STARTED, null, null);
        markStage(name);
        audit(name, AuditEvent.SKIPPED, reason, null);
        return CompletableFuture.completedFuture(passThrough);
    }

    /**
     * Calls a stage, flattening a returned {@link CompletionStage}; a throw becomes a failed future. While the
     * body runs, the thread is known to the run's control, which interrupts it when the run is ended from outside.
     */
    @SuppressWarnings("unchecked")
    private CompletableFuture<Object> call(Callable<Object> body) {
        Thread thread = Thread.currentThread();
        control.enter(thread);
        try {
            Object value = body.call();
            if (value instanceof CompletionStage<?> stage) {
                return (CompletableFuture<Object>) stage.toCompletableFuture().thenCompose(TaskPipeline::flatten);
            }
            return CompletableFuture.completedFuture(value);
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            control.exit(thread);
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Object> flatten(Object value) {
        return value instanceof CompletionStage<?> stage
                ? (CompletableFuture<Object>) stage.toCompletableFuture().thenCompose(TaskPipeline::flatten)
                : CompletableFuture.completedFuture(value);
    }

    private Object finish(Instant startedAt, Object result, Throwable error) {
        Instant finishedAt = services.clock().instant();
        boolean root = run.parentRunIdOrNull() == null;
        if (root ? !control.finish() : control.cancelled()) {
            // Ended from outside: whoever ended it reports the top-level run; a nested run reports how it ended.
            RunControl.Ending ending = control.ending();
            if (!root) {
                services.events().publish(new TaskRunEvent(run.taskName(), run.runId(), run.parentRunIdOrNull(),
                        ending.status(), null, ending.reason(), null, startedAt, finishedAt, run.userHashOrNull(),
                        run.groupHashOrNull(), run.dueAt().orElse(null)));
            }
            throw new CompletionException(new TaskFailedException(run.taskName(), run.runId(), null,
                    ending.status(), ending.reason(), null));
        }
        if (error == null) {
            services.events().publish(new TaskRunEvent(run.taskName(), run.runId(), run.parentRunIdOrNull(),
                    "success", null, null, Previews.of(result), startedAt, finishedAt, run.userHashOrNull(),
                    run.groupHashOrNull(), run.dueAt().orElse(null)));
            return result;
        }
        Throwable cause = Futures.unwrap(error);
        StageFailure failure = cause instanceof StageFailure known ? known
                : new StageFailure(RUN, reason(cause), cause);
        services.events().publish(new TaskRunEvent(run.taskName(), run.runId(), run.parentRunIdOrNull(), "error",
                failure.stage(), failure.reason(), null, startedAt, finishedAt, run.userHashOrNull(),
                run.groupHashOrNull(), run.dueAt().orElse(null)));
        throw new CompletionException(new TaskFailedException(run.taskName(), run.runId(), failure.stage(),
                failure.reason(), failure.getCause()));
    }

    /** A nested run's failure names the nested task; anything else is the exception's own message. */
    private static String reason(Throwable cause) {
        if (cause instanceof TaskFailedException nested) {
            return "nested task " + nested.taskName() + " failed at " + nested.stage() + ": " + nested.getMessage();
        }
        return TaskFailedException.messageOf(cause);
    }

    private StageFailure ended() {
        RunControl.Ending ending = control.ending();
        return new StageFailure(ending == null ? RUN : ending.status(),
                ending == null ? "ended" : ending.reason(), null);
    }

    private void markStage(String name) {
        Instant now = services.clock().instant();
        services.events().publish(new TaskSpecEvent(run.taskName(), name, run.runId(), run.userHashOrNull(),
                run.groupHashOrNull(), now));
        services.events().publish(new StageUpdate(run.taskName(), name, run.runId(), run.userHashOrNull(),
                run.groupHashOrNull(), now));
    }

    private void stageUpdate(String name) {
        services.events().publish(new StageUpdate(run.taskName(), name, run.runId(), run.userHashOrNull(),
                run.groupHashOrNull(), services.clock().instant()));
    }

    private void audit(String stage, String status, String reason, String output) {
        services.events().publish(new AuditEvent(run.taskName(), stage, status, reason, output, run.runId(),
                run.userHashOrNull(), run.groupHashOrNull(), services.clock().instant()));
    }
}
