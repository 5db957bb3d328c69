package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRejectedException;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskStateException;

/** What a delivery does when some of its tasks cannot run: skipped with the reason, or the whole delivery refused. */
class WebhookDispatchTest {

    private static final Map<String, Object> INPUT = Map.of("source", "github", "event", "issues",
            "payload", Map.of("action", "opened"));

    private final List<RunRequest> submitted = new ArrayList<>();

    @Test
    void eachTaskGetsAWebhookRunWithTheDelivery() {
        Map<String, Object> answer = dispatch(Map.of(), "a", "b");

        assertThat(answer.get("runs").toString()).isEqualTo("[{task=a, run_id=run-a}, {task=b, run_id=run-b}]");
        assertThat(submitted).allSatisfy(r -> {
            assertThat(r.trigger().name()).isEqualTo("webhook");
            assertThat(r.input()).isEqualTo(INPUT);
        });
    }

    @Test
    void aPausedTaskIsSkippedWithItsReasonAndTheOthersRun() {
        Map<String, Object> answer = dispatch(Map.of("a", new TaskStateException("a", "paused")), "a", "b");

        assertThat(answer.get("runs").toString()).isEqualTo("[{task=b, run_id=run-b}]");
        assertThat(answer.get("skipped").toString()).isEqualTo("[{task=a, reason=Task 'a' is paused}]");
    }

    @Test
    void aFullQueueBeforeAnyRunIsAcceptedRefusesTheWholeDelivery() {
        RunRejectedException full = new RunRejectedException(RunRejectedException.Reason.QUEUE_FULL, "queue full");

        assertThatThrownBy(() -> dispatch(Map.of("a", full), "a", "b")).isSameAs(full);
        assertThat(submitted).extracting(RunRequest::taskName).as("b is not tried").containsExactly("a");
    }

    @Test
    void aFullQueueAfterARunWasAcceptedSkipsTheRestSoThatARetryDoesNotRunItTwice() {
        RunRejectedException full = new RunRejectedException(RunRejectedException.Reason.QUEUE_FULL, "queue full");

        Map<String, Object> answer = dispatch(Map.of("b", full), "a", "b");

        assertThat(answer.get("runs").toString()).isEqualTo("[{task=a, run_id=run-a}]");
        assertThat(answer.get("skipped").toString()).isEqualTo("[{task=b, reason=queue full}]");
    }

    private Map<String, Object> dispatch(Map<String, RuntimeException> refusals, String... tasks) {
        Scheduler scheduler = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
                new Class<?>[] {Scheduler.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("submit")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    RunRequest request = (RunRequest) args[0];
                    submitted.add(request);
                    RuntimeException refusal = refusals.get(request.taskName());
                    if (refusal != null) {
                        throw refusal;
                    }
                    return handle("run-" + request.taskName());
                });
        Map<String, Object> answer = new LinkedHashMap<>();
        WebhookDispatch.submit(scheduler, List.of(tasks), INPUT, answer);
        return answer;
    }

    private static RunHandle handle(String runId) {
        return new RunHandle(runId, new CompletableFuture<>());
    }
}
