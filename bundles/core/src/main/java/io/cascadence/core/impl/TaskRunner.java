package io.cascadence.core.impl;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.Identity;
import io.cascadence.api.RunContext;
import io.cascadence.api.RunResult;
import io.cascadence.api.TaskFailedException;

/** Runs one task on the calling thread and turns what it returns or throws into a {@link RunResult}. */
final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    RunResult run(RegisteredTask task, Identity identity) {
        String runId = UUID.randomUUID().toString();
        RunContext context = new SimpleRunContext(runId, task.name(), identity);
        long started = System.nanoTime();
        try {
            Object result = awaited(task.task().run(context));
            LOG.info("Task '{}' run {} succeeded in {} ms", task.name(), runId, elapsedMillis(started));
            return new RunResult(runId, task.name(), result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException(task.name(), runId, e);
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            LOG.warn("Task '{}' run {} failed after {} ms: {}", task.name(), runId, elapsedMillis(started),
                    cause.toString(), cause);
            throw new TaskFailedException(task.name(), runId, cause);
        }
    }

    private static Object awaited(Object value) throws InterruptedException, ExecutionException {
        return value instanceof CompletionStage<?> stage ? stage.toCompletableFuture().get() : value;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private record SimpleRunContext(String runId, String taskName, Identity identity) implements RunContext {
    }
}
