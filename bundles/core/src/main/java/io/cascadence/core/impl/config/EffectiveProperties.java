package io.cascadence.core.impl.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Optional;

import org.osgi.framework.Constants;

/** The ConfigurationPlugin's work: puts a PID's effective values into what ConfigAdmin is about to hand a bundle. */
final class EffectiveProperties {

    private EffectiveProperties() {
    }

    /**
     * Takes the properties ConfigAdmin holds for a Cascadence PID as its cfg layer, then replaces them with the
     * PID's effective values. Properties of other PIDs are left alone.
     *
     * @return false when the properties came from a second file for the PID: the bundle gets the values of the
     *         file in force, and the caller has that file applied again
     */
    static boolean process(Configurations configurations, Dictionary<String, Object> properties) {
        Object pidValue = properties.get(Constants.SERVICE_PID);
        Optional<ConfigPid> pid = pidValue == null ? Optional.empty() : ConfigPid.of(pidValue.toString());
        if (pid.isEmpty()) {
            return true;
        }
        boolean accepted = configurations.accept(pid.get(), ConfigAdminStore.toMap(properties));
        apply(configurations.current().resolved(pid.get()), properties);
        return accepted;
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
