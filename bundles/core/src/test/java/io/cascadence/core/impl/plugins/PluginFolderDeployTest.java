package io.cascadence.core.impl.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Dropping, replacing and deleting jars: what runs follows what the folder holds. */
class PluginFolderDeployTest extends PluginFolderFixture {

    @Test
    void theFirstScanInstallsAndStartsWhatIsThereAtOnce() {
        write("hello.jar", Jars.bundle("io.example.hello", "1.0.0"));
        write("other.jar", Jars.bundle("io.example.other", "2.0.0"));

        start();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"),
                entry("io.example.other", "other.jar 2.0.0"));
        assertThat(installer.operations).contains("start hello.jar", "start other.jar");
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void aJarDroppedLaterIsInstalledOnceItHasKeptItsStampForAPoll() {
        start();
        drop("hello.jar", Jars.bundle("io.example.hello", "1.0.0"));

        poll();
        assertThat(installer.running()).as("seen once: it may still be arriving").isEmpty();
        poll();
        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar");
    }

    @Test
    void aDeletedJarsBundleIsUninstalled() {
        write("hello.jar", Jars.bundle("io.example.hello", "1.0.0"));
        start();

        delete("hello.jar");
        poll();

        assertThat(installer.running()).isEmpty();
        assertThat(installer.operations).endsWith("uninstall hello.jar");
    }

    @Test
    void aReplacedJarUpdatesItsBundleInPlace() {
        write("hello.jar", Jars.bundle("io.example.hello", "1.0.0"));
        start();

        drop("hello.jar", Jars.bundle("io.example.hello", "1.1.0"));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.1.0"));
        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar",
                "update hello.jar", "start hello.jar");
    }

    @Test
    void aJarReplacedByAnotherPluginRunsThatPluginInstead() {
        write("plugin.jar", Jars.bundle("io.example.hello", "1.0.0"));
        start();

        drop("plugin.jar", Jars.bundle("io.example.other", "1.0.0"));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.other", "plugin.jar 1.0.0"));
    }

    @Test
    void touchingAJarOrCopyingTheSameBytesAgainChangesNothing() throws IOException {
        byte[] hello = Jars.bundle("io.example.hello", "1.0.0");
        write("hello.jar", hello);
        start();

        Files.setLastModifiedTime(plugins().resolve("hello.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        settle();
        drop("hello.jar", hello);
        settle();

        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar");
    }

    @Test
    void hiddenFilesAndFilesThatAreNeitherJarsNorConfigurationAreLeftAlone() {
        write(".hello.jar.part", Jars.bundle("io.example.hello", "1.0.0"));
        write("README.md", "plugins go here".getBytes());
        start();
        settle();

        assertThat(installer.operations).isEmpty();
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void snapshotsDoNotPileUpInTheStagingFolder() throws IOException {
        write("hello.jar", Jars.bundle("io.example.hello", "1.0.0"));
        write("broken.jar", "not a zip".getBytes());
        start();
        drop("hello.jar", Jars.bundle("io.example.hello", "1.1.0"));
        settle();

        try (var staged = Files.list(root.resolve("staging"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void bundlesInstalledBeforeTheFirstScanAreAdoptedUpdatedFromTheirFileOrUninstalled() {
        installer.preinstalled(plugins().resolve("hello.jar"), Jars.bundle("io.example.hello", "0.9.0"));
        installer.preinstalled(plugins().resolve("gone.jar"), Jars.bundle("io.example.gone", "1.0.0"));
        write("hello.jar", Jars.bundle("io.example.hello", "1.0.0"));

        start();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).containsExactly("update hello.jar", "start hello.jar", "uninstall gone.jar");
    }
}
