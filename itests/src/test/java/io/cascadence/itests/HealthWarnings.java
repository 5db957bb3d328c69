package io.cascadence.itests;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The warnings of {@code /health}. */
final class HealthWarnings {

    private HealthWarnings() {
    }

    /**
     * The warnings other than the notes that the shipped webhook tasks' sources have no secret, which a fresh
     * installation always has until its user configures one.
     */
    static List<String> besidesUnauthenticatedWebhooks(JsonNode health) {
        List<String> warnings = new ArrayList<>();
        health.path("warnings").forEach(w -> {
            String text = w.asText();
            if (!text.matches("webhook source '(github|calcom)' is unauthenticated: .*")) {
                warnings.add(text);
            }
        });
        return warnings;
    }
}
