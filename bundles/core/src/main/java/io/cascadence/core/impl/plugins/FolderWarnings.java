package io.cascadence.core.impl.plugins;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What is wrong in {@code plugins/} now, for {@code GET /health}; each warning is logged once, when it appears. */
final class FolderWarnings {

    /** The folder's logger: what happens to plugins/ is read in one place. */
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

    private volatile List<String> current = List.of();

    void publish(List<String> warnings) {
        for (String warning : warnings) {
            if (!current.contains(warning)) {
                LOG.warn("{}", warning);
            }
        }
        current = List.copyOf(warnings);
    }

    /** Answers at once, whatever a scan is doing. */
    List<String> current() {
        return current;
    }
}
