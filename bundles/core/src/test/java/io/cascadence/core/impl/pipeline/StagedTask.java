package io.cascadence.core.impl.pipeline;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cascadence.api.Intake;
import io.cascadence.api.Plan;
import io.cascadence.api.Precheck;
import io.cascadence.api.Research;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.Verify;

/**
 * Builds a task that implements exactly the stage interfaces given a body, and records which stages were called.
 * The pipeline chooses stages by {@code instanceof}, so the built task is a JDK proxy over just those interfaces.
 *
 * <pre>{@code
 * StagedTask staged = StagedTask.named("job").intake(c -> "in").run(c -> "out");
 * Task task = staged.build();
 * ... staged.calls() -> ["intake", "run"]
 * }</pre>
 */
public final class StagedTask {

    @FunctionalInterface
    public interface Body {
        Object apply(RunContext context) throws Exception;
    }

    @FunctionalInterface
    public interface VerifyBody {
        Object apply(RunContext context, Object result) throws Exception;
    }

    private final String label;
    private final Map<String, Object> bodies = new LinkedHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<RunContext> runContexts = new CopyOnWriteArrayList<>();

    private StagedTask(String label) {
        this.label = label;
    }

    public static StagedTask named(String label) {
        return new StagedTask(label);
    }

    /** A task with only a run stage that returns {@code result}. */
    public static StagedTask returning(String label, Object result) {
        return named(label).run(context -> result);
    }

    /** A task with only a run stage that throws an {@link IllegalStateException} with {@code message}. */
    public static StagedTask failing(String label, String message) {
        return named(label).run(context -> {
            throw new IllegalStateException(message);
        });
    }

    public StagedTask intake(Body body) {
        bodies.put("intake", body);
        return this;
    }

    public StagedTask research(Body body) {
        bodies.put("research", body);
        return this;
    }

    public StagedTask plan(Body body) {
        bodies.put("plan", body);
        return this;
    }

    public StagedTask precheck(Body body) {
        bodies.put("precheck", body);
        return this;
    }

    public StagedTask run(Body body) {
        bodies.put("run", body);
        return this;
    }

    public StagedTask verify(VerifyBody body) {
        bodies.put("verify", body);
        return this;
    }

    /** The stages of this task the pipeline called, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The contexts the run stage was called with. */
    public List<RunContext> runContexts() {
        return List.copyOf(runContexts);
    }

    public Task build() {
        List<Class<?>> interfaces = new ArrayList<>(List.of(Task.class));
        Map<String, Class<?>> stageTypes = Map.of("intake", Intake.class, "research", Research.class, "plan",
                Plan.class, "precheck", Precheck.class, "verify", Verify.class);
        stageTypes.forEach((stage, type) -> {
            if (bodies.containsKey(stage)) {
                interfaces.add(type);
            }
        });
        return (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "StagedTask[" + label + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> call(method.getName(), args);
                });
    }

    private Object call(String stage, Object[] args) throws Exception {
        calls.add(stage);
        RunContext context = (RunContext) args[0];
        if (stage.equals("run")) {
            runContexts.add(context);
        }
        Object body = bodies.get(stage);
        if (body == null) {
            return null;
        }
        return body instanceof VerifyBody verify ? verify.apply(context, args[1]) : ((Body) body).apply(context);
    }
}
