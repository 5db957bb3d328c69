package io.cascadence.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the webhook sources a {@link WebhookTask} component handles, setting {@link TaskProperties#WEBHOOK_SOURCE}:
 *
 * <pre>{@code
 * @Component(service = Task.class)
 * @TaskName("github_issues")
 * @WebhookSource("github")
 * public class GitHubWebhookTask implements WebhookTask, Intake { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WebhookSource {

    /** Maps the single element to {@code cascadence.webhook.source}. */
    String PREFIX_ = "cascadence.";

    /** The source names, such as {@code github} or {@code calcom}; see {@link WebhookTask#isSourceName}. */
    String[] value();
}
