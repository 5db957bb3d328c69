package io.cascadence.plugins.github;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.Intake;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;
import io.cascadence.api.WebhookSource;
import io.cascadence.api.WebhookTask;

/**
 * The original's {@code GitHubWebhookTask}: GitHub deliveries to {@code POST /webhook/github} run it, and for an
 * {@code issues} event its result is the event's {@code action} ({@code opened}, {@code closed}, ...) with the issue
 * number and the repository, so that {@code GET /tasks/github_webhook/runs} reads as a log of issue activity. Other
 * events ({@code ping}, {@code push}, ...) succeed with a result saying they were ignored. The intake checks that the
 * run's input is a delivery, so that a run started by hand fails clearly.
 */
@Component(service = Task.class)
@TaskName(GitHubWebhookTask.NAME)
@WebhookSource("github")
public class GitHubWebhookTask implements WebhookTask, Intake {

    static final String NAME = "github_webhook";

    @Override
    public Object intake(RunContext context) {
        if (context.input() instanceof Map<?, ?> input && input.get(PAYLOAD) instanceof Map<?, ?> payload) {
            return new Delivery(String.valueOf(input.get(EVENT)), payload);
        }
        throw new IllegalArgumentException("the run's input is not a GitHub delivery ({\"source\", \"event\", "
                + "\"payload\": {...}}); GitHub's deliveries to POST /webhook/github bring one");
    }

    @Override
    public Object run(RunContext context) {
        Delivery delivery = (Delivery) context.intakeResult();
        if (!"issues".equals(delivery.event())) {
            return "ignored: a '" + delivery.event() + "' event; this task records issues events";
        }
        Object action = delivery.payload().get("action");
        if (!(action instanceof String text) || text.isBlank()) {
            return "ignored: the issues event has no action";
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("action", text);
        if (delivery.payload().get("issue") instanceof Map<?, ?> issue && issue.get("number") != null) {
            result.put("issue", issue.get("number"));
        }
        if (delivery.payload().get("repository") instanceof Map<?, ?> repository
                && repository.get("full_name") != null) {
            result.put("repository", repository.get("full_name"));
        }
        return result;
    }

    /** A delivery as the intake read it: GitHub's event type and its JSON body. */
    record Delivery(String event, Map<?, ?> payload) {
    }
}
