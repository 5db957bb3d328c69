package io.cascadence.core.impl.config;

import java.nio.file.Path;

/**
 * Decides what ConfigAdmin must be told so that it holds, for each configuration, the values of the file in force,
 * or for a Cascadence PID with no file an empty configuration (so that defaults, the YAML file and environment
 * variables still reach the bundle through the ConfigurationPlugin). FileInstall alone gets this wrong in two
 * ways: it lets a second file for a PID replace the first, and when either file is deleted it deletes the PID's
 * configuration, whichever file it came from.
 */
final class Reconciler {

    /** What to do for one configuration. */
    sealed interface Action {
    }

    /** Nothing: ConfigAdmin holds what it should, or FileInstall is about to apply a new file. */
    record Keep() implements Action {
    }

    /** Have FileInstall apply this file again. */
    record Reapply(Path file) implements Action {
    }

    /** Create an empty configuration for the PID. */
    record CreateEmpty() implements Action {
    }

    /**
     * What ConfigAdmin holds for a configuration.
     *
     * @param exists whether it holds one at all
     * @param file the file its values came from ({@code felix.fileinstall.filename}), or {@code null}
     */
    record Stored(boolean exists, Path file) {

        static Stored absent() {
            return new Stored(false, null);
        }

        static Stored from(Path file) {
            return new Stored(true, file);
        }
    }

    private Reconciler() {
    }

    /**
     * @param owner the file in force for the configuration, or {@code null} when {@code config/} has none
     * @param ownerIsSettled whether the owner was there at the previous look (a brand-new file is FileInstall's
     *        to apply once it stops changing)
     * @param stored what ConfigAdmin holds
     * @param folder what {@code config/} holds now
     * @param known whether Cascadence reads this PID
     */
    static Action decide(Path owner, boolean ownerIsSettled, Stored stored, CfgFolder folder, boolean known) {
        if (!stored.exists()) {
            if (owner != null && ownerIsSettled) {
                return new Reapply(owner); // deleted by FileInstall because another file of this PID went away
            }
            return owner == null && known ? new CreateEmpty() : new Keep();
        }
        Path file = stored.file();
        if (file != null && owner != null && !file.equals(owner) && folder.contains(file)) {
            return new Reapply(owner); // a second file was applied over the one in force
        }
        return new Keep();
    }
}
