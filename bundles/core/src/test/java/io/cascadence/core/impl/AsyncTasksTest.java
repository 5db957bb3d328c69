package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;

class AsyncTasksTest {

    static class Plain implements Task {
        @Override
        public Object run(RunContext context) {
            return "done";
        }
    }

    /** Returns a CompletionStage at run time, but does not declare one: not async. */
    static class Undeclared implements Task {
        @Override
        public Object run(RunContext context) {
            return CompletableFuture.completedFuture("later");
        }
    }

    static class Stage implements Task {
        @Override
        public CompletionStage<String> run(RunContext context) {
            return CompletableFuture.completedFuture("later");
        }
    }

    static class Future implements Task {
        @Override
        public CompletableFuture<String> run(RunContext context) {
            return CompletableFuture.completedFuture("later");
        }
    }

    abstract static class AsyncBase implements Task {
        @Override
        public abstract CompletableFuture<Object> run(RunContext context);
    }

    static class Inherited extends AsyncBase {
        @Override
        public CompletableFuture<Object> run(RunContext context) {
            return CompletableFuture.completedFuture(null);
        }
    }

    static class StringResult implements Task {
        @Override
        public String run(RunContext context) {
            return "done";
        }
    }

    @Test
    void aRunDeclaredToReturnACompletionStageOrASubtypeIsAsync() {
        assertThat(AsyncTasks.isAsync(new Stage())).isTrue();
        assertThat(AsyncTasks.isAsync(new Future())).isTrue();
        assertThat(AsyncTasks.isAsync(new Inherited())).isTrue();
    }

    @Test
    void anyOtherDeclaredReturnIsNotAsyncWhateverItReturnsAtRunTime() {
        assertThat(AsyncTasks.isAsync(new Plain())).isFalse();
        assertThat(AsyncTasks.isAsync(new Undeclared())).isFalse();
        assertThat(AsyncTasks.isAsync(new StringResult())).isFalse();
        Task lambda = context -> CompletableFuture.completedFuture(1);
        assertThat(AsyncTasks.isAsync(lambda)).isFalse();
    }
}
