package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfgOwnersTest {

    @TempDir
    Path config;

    private final CfgOwners owners = new CfgOwners();

    private Path file(String name) throws IOException {
        return Files.writeString(config.resolve(name), "x = 1\n");
    }

    @Test
    void atStartTheFirstFileByNameIsInForce() throws IOException {
        file("io.cascadence.config");
        Path cfg = file("io.cascadence.cfg");

        owners.update(CfgFolder.scan(config));

        assertThat(owners.owner("io.cascadence")).isEqualTo(cfg);
        assertThat(owners.claim("io.cascadence", config.resolve("io.cascadence.config"))).isFalse();
        assertThat(owners.claim("io.cascadence", cfg)).isTrue();
    }

    @Test
    void aFileAddedBesideTheOneInForceNeverTakesOverEvenIfItSortsFirst() throws IOException {
        Path config1 = file("io.cascadence.config");
        owners.update(CfgFolder.scan(config));
        Path cfg = file("io.cascadence.cfg");

        owners.update(CfgFolder.scan(config));

        assertThat(owners.owner("io.cascadence")).isEqualTo(config1);
        assertThat(owners.claim("io.cascadence", cfg)).isFalse();
    }

    @Test
    void whenTheFileInForceGoesTheOtherTakesOver() throws IOException {
        Path cfg = file("io.cascadence.cfg");
        Path other = file("io.cascadence.config");
        owners.update(CfgFolder.scan(config));

        Files.delete(cfg);

        assertThat(owners.claim("io.cascadence", other)).isTrue(); // FileInstall may apply it before the next look
        assertThat(owners.owner("io.cascadence")).isEqualTo(other);
        owners.update(CfgFolder.scan(config));
        assertThat(owners.owner("io.cascadence")).isEqualTo(other);
    }

    @Test
    void aPidWithoutFilesHasNoOwnerAndTheFirstFileApplied() throws IOException {
        assertThat(owners.owner("io.cascadence.web")).isNull();
        Path web = file("io.cascadence.web.cfg");

        assertThat(owners.claim("io.cascadence.web", web)).isTrue();

        Files.delete(web);
        owners.update(CfgFolder.scan(config));
        assertThat(owners.owner("io.cascadence.web")).isNull();
    }
}
