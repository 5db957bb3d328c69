package io.cascadence.core.impl;

import java.util.ArrayList;
import java.util.List;

import io.cascadence.core.impl.store.BatchWriter;

/** A store's health: a file it could not read at start, and a write that is failing now. */
final class StoreWarnings {

    private StoreWarnings() {
    }

    static List<String> of(String unreadable, BatchWriter writer) {
        List<String> warnings = new ArrayList<>();
        if (unreadable != null) {
            warnings.add(unreadable);
        }
        if (writer != null && writer.problem() != null) {
            warnings.add(writer.problem() + "; retrying");
        }
        return warnings;
    }
}
