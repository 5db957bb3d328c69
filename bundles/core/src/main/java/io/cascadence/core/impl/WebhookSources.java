package io.cascadence.core.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.cascadence.api.WebhookTask;

/** Reads the {@code cascadence.webhook.source} service property of a webhook task. */
final class WebhookSources {

    private WebhookSources() {
    }

    /**
     * @param value a string, or an array or collection of strings
     * @return the sources, in order, without duplicates
     * @throws IllegalArgumentException naming the value that is not a source name
     */
    static List<String> parse(Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof Object[] array) {
            items.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else {
            items.add(value);
        }
        List<String> sources = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String source) || !WebhookTask.isSourceName(source)) {
                throw new IllegalArgumentException("'" + item + "' is not a webhook source name ("
                        + WebhookTask.SOURCE_NAME_RULE + ")");
            }
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        return List.copyOf(sources);
    }
}
