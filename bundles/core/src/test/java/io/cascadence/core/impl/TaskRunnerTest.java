package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.RunContext;
import io.cascadence.api.RunResult;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;

class TaskRunnerTest {

    private final TaskRunner runner = new TaskRunner();

    private static RegisteredTask registered(String name, Task task) {
        return new RegisteredTask(name, task, 42, 0, "io.cascadence.plugins.example", "1.0.0");
    }

    private static boolean isUuid(String text) {
        return UUID.fromString(text).toString().equals(text);
    }

    private TaskFailedException failure(Task task) {
        return catchThrowableOfType(TaskFailedException.class,
                () -> runner.run(registered("flaky", task), Identity.ANONYMOUS));
    }

    @Test
    void returnsTheResultWithAUuidRunIdAndTheTaskName() {
        AtomicReference<RunContext> seen = new AtomicReference<>();

        RunResult result = runner.run(registered("hello", context -> {
            seen.set(context);
            return "Hello, world";
        }), Identity.ANONYMOUS);

        assertThat(result.result()).isEqualTo("Hello, world");
        assertThat(result.taskName()).isEqualTo("hello");
        assertThat(result.runId()).matches(TaskRunnerTest::isUuid);
        assertThat(seen.get().runId()).isEqualTo(result.runId());
        assertThat(seen.get().taskName()).isEqualTo("hello");
    }

    @Test
    void eachRunGetsItsOwnRunId() {
        RegisteredTask task = registered("hello", context -> null);

        RunResult first = runner.run(task, Identity.ANONYMOUS);
        RunResult second = runner.run(task, Identity.ANONYMOUS);

        assertThat(first.runId()).isNotEqualTo(second.runId());
        assertThat(first.result()).isNull();
    }

    @Test
    void completionStageResultIsAwaited() {
        RunResult result = runner.run(registered("slow", context -> {
            CompletableFuture<String> future = new CompletableFuture<>();
            new Thread(() -> {
                sleep(100);
                future.complete("done later");
            }).start();
            return future;
        }), Identity.ANONYMOUS);

        assertThat(result.result()).isEqualTo("done later");
    }

    @Test
    void thrownExceptionBecomesTaskFailedExceptionWithRunIdAndOriginalMessage() {
        IllegalStateException cause = new IllegalStateException("disk full on /var");

        TaskFailedException failure = failure(context -> {
            throw cause;
        });

        assertThat(failure).hasMessage("disk full on /var").hasCause(cause);
        assertThat(failure.taskName()).isEqualTo("flaky");
        assertThat(failure.runId()).matches(TaskRunnerTest::isUuid);
    }

    @Test
    void exceptionallyCompletedStageCarriesTheCauseMessageNotAWrapper() {
        TaskFailedException failure = failure(context -> CompletableFuture.failedFuture(
                new IOException("connection refused by cronyx")));

        assertThat(failure).hasMessage("connection refused by cronyx").hasCauseInstanceOf(IOException.class);
        assertThat(failure.runId()).matches(TaskRunnerTest::isUuid);
    }

    @Test
    void stageFailingInsideADependentStageIsUnwrappedToo() {
        TaskFailedException failure = failure(context -> CompletableFuture.completedFuture("x")
                .thenApply(x -> {
                    throw new IllegalArgumentException("bad input x");
                }));

        assertThat(failure).hasMessage("bad input x").hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionWithoutMessageIsNamedByItsClass() {
        TaskFailedException failure = failure(context -> {
            throw new IllegalStateException();
        });

        assertThat(failure).hasMessage("java.lang.IllegalStateException");
    }

    @Test
    void theIdentityGivenIsVisibleToTheTask() {
        Identity alice = new Identity("alice", "ops");

        RunResult result = runner.run(registered("whoami", context -> context.identity()), alice);

        assertThat(result.result()).isEqualTo(alice);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
