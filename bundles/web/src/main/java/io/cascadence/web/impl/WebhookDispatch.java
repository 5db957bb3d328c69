package io.cascadence.web.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRejectedException;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Scheduler;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.WebhookTask;

/**
 * Submits one run per webhook task of a delivery, in the order given. A task that is paused, disabled or gone is
 * skipped with the reason. When Cascadence cannot take a run (a full queue, a stop, no backend, a run history that
 * cannot record it) and none of the delivery's runs was accepted yet, the refusal is thrown, so that the whole
 * delivery is refused and the sender's retry runs it; after one was accepted, such a task is skipped instead, since
 * a retry would run the accepted one again.
 */
final class WebhookDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatch.class);

    private WebhookDispatch() {
    }

    /**
     * @param input the runs' input: {@code source}, {@code event}, {@code payload}
     * @param answer receives {@code runs} ({@code task}, {@code run_id}) and {@code skipped} ({@code task},
     *        {@code reason})
     * @throws RunRejectedException, BackendUnavailableException, StoreUnavailableException when the first task
     *         that could run cannot be taken; nothing was submitted then
     */
    static void submit(Scheduler scheduler, List<String> tasks, Map<String, Object> input,
            Map<String, Object> answer) {
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (String task : tasks) {
            try {
                RunHandle handle = scheduler.submit(RunRequest.of(task, Trigger.WEBHOOK).withInput(input));
                runs.add(entry("task", task, "run_id", handle.runId()));
            } catch (TaskStateException | UnknownTaskException e) {
                skipped.add(entry("task", task, "reason", e.getMessage()));
            } catch (RunRejectedException | BackendUnavailableException | StoreUnavailableException e) {
                if (runs.isEmpty()) {
                    throw e;
                }
                LOG.warn("Webhook delivery to '{}': the run of {} was refused after others were accepted: {}",
                        input.get(WebhookTask.SOURCE), task, e.getMessage());
                skipped.add(entry("task", task, "reason", e.getMessage()));
            }
        }
        answer.put("runs", runs);
        answer.put("skipped", skipped);
    }

    private static Map<String, Object> entry(String key, Object value, String otherKey, Object otherValue) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(key, value);
        entry.put(otherKey, otherValue);
        return entry;
    }
}
