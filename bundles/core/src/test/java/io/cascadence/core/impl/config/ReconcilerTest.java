package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cascadence.core.impl.config.Reconciler.CreateEmpty;
import io.cascadence.core.impl.config.Reconciler.Keep;
import io.cascadence.core.impl.config.Reconciler.Reapply;
import io.cascadence.core.impl.config.Reconciler.Stored;

class ReconcilerTest {

    private static final Path CFG = Path.of("/opt/c/config/io.cascadence.cfg");
    private static final Path CONFIG = Path.of("/opt/c/config/io.cascadence.config");
    private static final CfgFolder BOTH = CfgFolder.of(List.of(CFG, CONFIG));
    private static final CfgFolder ONE = CfgFolder.of(List.of(CFG));
    private static final CfgFolder NONE = CfgFolder.of(List.of());

    @Test
    void theFileInForceHeldByConfigAdminIsLeftAlone() {
        assertThat(Reconciler.decide(CFG, true, Stored.from(CFG), BOTH, true)).isEqualTo(new Keep());
    }

    @Test
    void aSecondFileAppliedOverTheFileInForceIsUndone() {
        assertThat(Reconciler.decide(CFG, true, Stored.from(CONFIG), BOTH, true)).isEqualTo(new Reapply(CFG));
        assertThat(Reconciler.decide(CFG, false, Stored.from(CONFIG), BOTH, false)).isEqualTo(new Reapply(CFG));
    }

    @Test
    void aConfigurationDeletedWhileItsFileIsStillThereIsReadAgain() {
        // FileInstall deletes the PID's configuration when any of its files goes, the second one too.
        assertThat(Reconciler.decide(CFG, true, Stored.absent(), ONE, true)).isEqualTo(new Reapply(CFG));
        assertThat(Reconciler.decide(CFG, true, Stored.absent(), ONE, false)).isEqualTo(new Reapply(CFG));
    }

    @Test
    void aBrandNewFileIsFileInstallsToApplyOnceItStopsChanging() {
        assertThat(Reconciler.decide(CFG, false, Stored.absent(), ONE, true)).isEqualTo(new Keep());
    }

    @Test
    void aCascadencePidWithoutFileOrConfigurationGetsAnEmptyOneOthersDoNot() {
        assertThat(Reconciler.decide(null, false, Stored.absent(), NONE, true)).isEqualTo(new CreateEmpty());
        assertThat(Reconciler.decide(null, false, Stored.absent(), NONE, false)).isEqualTo(new Keep());
        assertThat(Reconciler.decide(null, false, Stored.from(null), NONE, true)).isEqualTo(new Keep());
    }

    @Test
    void aConfigurationFromAFileThatIsGoneIsFileInstallsToDelete() {
        assertThat(Reconciler.decide(CFG, true, Stored.from(CONFIG), ONE, true)).isEqualTo(new Keep());
    }
}
