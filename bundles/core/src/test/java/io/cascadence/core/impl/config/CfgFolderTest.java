package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfgFolderTest {

    private static final Set<String> KNOWN = Set.of("io.cascadence", "io.cascadence.web");

    @TempDir
    Path config;

    private Path file(String name) throws IOException {
        return Files.writeString(config.resolve(name), "x = 1\n");
    }

    @Test
    void groupsFilesByTheConfigurationFileInstallGivesThemCfgBeforeConfig() throws IOException {
        Path second = file("io.cascadence.config");
        Path first = file("io.cascadence.cfg");
        Path web = file("io.cascadence.web.cfg");
        file("cascadence.yml");
        file("notes.txt");
        Files.createDirectory(config.resolve("io.cascadence.x.cfg"));

        CfgFolder folder = CfgFolder.scan(config);

        assertThat(folder.names()).containsExactly("io.cascadence", "io.cascadence.web");
        assertThat(folder.files("io.cascadence")).containsExactly(first, second);
        assertThat(folder.files("io.cascadence.web")).containsExactly(web);
        assertThat(folder.contains(second)).isTrue();
        assertThat(folder.contains(config.resolve("io.cascadence.scheduler.cfg"))).isFalse();
    }

    @Test
    void aSecondFileIsAProblemNamingBothFilesAndTheOneInForce() throws IOException {
        Path first = file("io.cascadence.cfg");
        Path second = file("io.cascadence.config");
        CfgFolder folder = CfgFolder.scan(config);
        CfgOwners owners = new CfgOwners();
        owners.update(folder);

        assertThat(folder.problems(owners, KNOWN)).containsExactly(second + " is a second file for PID "
                + "io.cascadence beside " + first + ", whose values are in force; it is ignored: keep one file "
                + "per PID");
    }

    @Test
    void aFileForAnIoCascadencePidNothingReadsIsAProblemButOtherPidsAndFactoriesAreNot() throws IOException {
        Path typo = file("io.cascadence.webb.cfg");
        file("org.apache.felix.http.cfg");
        file("io.cascadence.web-extra.cfg");
        CfgFolder folder = CfgFolder.scan(config);
        CfgOwners owners = new CfgOwners();
        owners.update(folder);

        assertThat(folder.problems(owners, KNOWN)).singleElement().asString()
                .startsWith(typo + " configures PID io.cascadence.webb, which Cascadence does not read")
                .contains("io.cascadence.web");
    }

    @Test
    void aFactoryPidsFileWithoutANameIsAProblemNamingTheFormItTakes() throws IOException {
        Path unnamed = file("io.cascadence.webhook.cfg");
        file("io.cascadence.webhook-github.cfg");
        CfgFolder folder = CfgFolder.scan(config);
        CfgOwners owners = new CfgOwners();
        owners.update(folder);

        assertThat(folder.problems(owners, KNOWN)).containsExactly(unnamed + " configures io.cascadence.webhook "
                + "without a name, but it takes one file per instance: name it io.cascadence.webhook-<name>.cfg "
                + "(such as io.cascadence.webhook-github.cfg)");
    }

    @Test
    void aMissingFolderIsEmpty() {
        CfgFolder folder = CfgFolder.scan(config.resolve("absent"));

        assertThat(folder.names()).isEmpty();
        assertThat(folder.problems(new CfgOwners(), KNOWN)).isEmpty();
    }

    @Test
    void theNameIsTheFileNameWithoutItsExtension() {
        assertThat(CfgFolder.name(Path.of("/x/io.cascadence.web.cfg"))).isEqualTo("io.cascadence.web");
        assertThat(CfgFolder.name(Path.of("/x/a-b.config"))).isEqualTo("a-b");
        assertThat(CfgFolder.of(List.of(Path.of("/x/a.cfg.bak"))).names()).isEmpty();
    }
}
