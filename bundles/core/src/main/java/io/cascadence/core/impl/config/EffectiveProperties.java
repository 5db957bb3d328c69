package io.cascadence.core.impl.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;

/** Puts a PID's effective values into the properties ConfigAdmin is about to hand a bundle. */
final class EffectiveProperties {

    private EffectiveProperties() {
    }

    /**
     * Replaces every key of the properties with the effective values of the PID. Keys with a dot are
     * ConfigAdmin's and FileInstall's bookkeeping ({@code service.pid}, {@code felix.fileinstall.filename}) and
     * stay; keys the PID does not know are dropped, so a bundle only ever sees values that were checked.
     */
    static void apply(ResolvedConfig config, Dictionary<String, Object> properties) {
        for (String key : new ArrayList<>(Collections.list(properties.keys()))) {
            if (key.indexOf('.') < 0) {
                properties.remove(key);
            }
        }
        config.properties().forEach(properties::put);
    }
}
