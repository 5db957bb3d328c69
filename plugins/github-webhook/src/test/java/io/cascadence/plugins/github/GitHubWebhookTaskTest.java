package io.cascadence.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunContext;

/** What a GitHub delivery's run records, as its stages see the delivery. */
class GitHubWebhookTaskTest {

    private final GitHubWebhookTask task = new GitHubWebhookTask();

    @Test
    void anIssuesEventRecordsItsActionIssueAndRepository() throws Exception {
        Object result = deliver("issues", Map.of("action", "opened", "issue", Map.of("number", 42, "title", "Bug"),
                "repository", Map.of("full_name", "octo/hello")));

        assertThat(result).isEqualTo(Map.of("action", "opened", "issue", 42, "repository", "octo/hello"));
    }

    @Test
    void otherEventsAndIssuesWithoutAnActionAreIgnoredSayingSo() throws Exception {
        assertThat(deliver("push", Map.of("action", "opened")))
                .isEqualTo("ignored: a 'push' event; this task records issues events");
        assertThat(deliver("issues", Map.of("action", ""))).isEqualTo("ignored: the issues event has no action");
    }

    @Test
    void aRunWithoutADeliveryFailsAtIntakeSayingWhatItNeeds() {
        assertThatThrownBy(() -> task.intake(context(Map.of("city", "Lund"), null)))
                .hasMessageStartingWith("the run's input is not a GitHub delivery");
    }

    private Object deliver(String event, Map<String, Object> payload) throws Exception {
        Object delivery = task.intake(context(Map.of("source", "github", "event", event, "payload", payload), null));
        return task.run(context(null, delivery));
    }

    static RunContext context(Object input, Object intakeResult) {
        return (RunContext) Proxy.newProxyInstance(RunContext.class.getClassLoader(),
                new Class<?>[] {RunContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "input" -> input;
                    case "intakeResult" -> intakeResult;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
