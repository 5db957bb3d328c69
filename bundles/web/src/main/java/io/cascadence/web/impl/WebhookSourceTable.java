package io.cascadence.web.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The webhook source configurations in force, by source. A source with one valid configuration uses it; a source
 * with none is unauthenticated and uses its default headers. A source claimed by two configurations, or by one that
 * is broken (a configuration without a valid {@code source} claims the source its name says:
 * {@code io.cascadence.webhook-github.cfg} claims {@code github}), is refused until that is fixed: guessing which
 * secret applies, or running its tasks without one, would let deliveries in that the user meant to keep out.
 */
final class WebhookSourceTable {

    /**
     * One factory configuration.
     *
     * @param origin its file (or PID when it has none), for messages
     * @param claimed the source it is for: its {@code source}, or for a broken one the name of its file, if that is
     *        a source name; {@code null} when neither
     * @param settings what it sets, or {@code null} when it is broken
     * @param problem why it is broken, or {@code null}
     */
    record Entry(String origin, String claimed, WebhookSettings settings, String problem) {
    }

    /** What a delivery to a source is checked with: its settings, or why it is refused (then {@code null}). */
    record Lookup(WebhookSettings settings, String refusal) {
    }

    private final Map<String, List<Entry>> bySource = new TreeMap<>();
    private final List<Entry> broken = new ArrayList<>();

    WebhookSourceTable(Collection<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.claimed() != null) {
                bySource.computeIfAbsent(entry.claimed(), s -> new ArrayList<>()).add(entry);
            }
            if (entry.settings() == null) {
                broken.add(entry);
            }
        }
    }

    Lookup lookup(String source) {
        List<Entry> claims = bySource.getOrDefault(source, List.of());
        if (claims.isEmpty()) {
            return new Lookup(WebhookSettings.defaults(source), null);
        }
        if (claims.size() > 1) {
            return new Lookup(null, "webhook source '" + source + "' has " + claims.size() + " configurations ("
                    + String.join(", ", claims.stream().map(Entry::origin).toList())
                    + "), so its deliveries are refused until one is left");
        }
        Entry only = claims.get(0);
        if (only.settings() == null) {
            return new Lookup(null, "the configuration of webhook source '" + source + "' (" + only.origin()
                    + ") is broken: " + only.problem() + "; its deliveries are refused until it is fixed");
        }
        return new Lookup(only.settings(), null);
    }

    /**
     * What {@code /health} lists: broken configurations, sources with several, and every source that has webhook
     * tasks but no secret.
     *
     * @param tasksBySource the webhook tasks registered for each source
     */
    List<String> warnings(Map<String, List<String>> tasksBySource) {
        List<String> warnings = new ArrayList<>();
        for (Entry entry : broken) {
            warnings.add("webhook configuration " + entry.origin() + " is ignored: " + entry.problem());
        }
        for (String source : bySource.keySet()) {
            String refusal = lookup(source).refusal();
            if (refusal != null) {
                warnings.add(refusal);
            }
        }
        new TreeMap<>(tasksBySource).forEach((source, tasks) -> {
            Lookup lookup = lookup(source);
            if (lookup.settings() != null && !lookup.settings().authenticated()) {
                warnings.add("webhook source '" + source + "' is unauthenticated: no secret is configured for it, "
                        + "so anyone who can reach /webhook/" + source + " runs " + String.join(", ", tasks)
                        + "; add config/" + WebhookSettings.FACTORY_PID + "-" + source + ".cfg with source="
                        + source + " and secret=<the sender's webhook secret>");
            }
        });
        return warnings;
    }
}
