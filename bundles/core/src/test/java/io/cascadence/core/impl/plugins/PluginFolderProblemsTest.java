package io.cascadence.core.impl.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Files that cannot be deployed are reported by name with the reason, once they have stopped changing, and never
 * take a working version away; configuration files are never applied from plugins/.
 */
class PluginFolderProblemsTest extends PluginFolderFixture {

    private static final byte[] HELLO = Jars.bundle("io.example.hello", "1.0.0");

    @Test
    void aTruncatedReplacementKeepsTheWorkingVersionRunningAndIsReportedUntilAGoodJarReplacesIt() {
        write("hello.jar", HELLO);
        start();

        drop("hello.jar", Arrays.copyOf(HELLO, HELLO.length / 2));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar");
        assertThat(folder().warnings()).singleElement().asString()
                .startsWith("plugins/hello.jar cannot be deployed: it is not a readable jar file")
                .endsWith("; io.example.hello 1.0.0, installed from it before, keeps running until the file is fixed");

        drop("hello.jar", Jars.bundle("io.example.hello", "1.0.1"));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.1"));
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void restoringTheVeryJarThatRunsEndsTheWarningWithoutAnUpdate() {
        write("hello.jar", HELLO);
        start();
        drop("hello.jar", "garbage".getBytes());
        settle();
        assertThat(folder().warnings()).hasSize(1);

        drop("hello.jar", HELLO);
        settle();

        assertThat(folder().warnings()).isEmpty();
        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar");
    }

    @Test
    void aJarWhoseBytesWereDamagedInsideAnEntryIsRefused() {
        write("hello.jar", HELLO);
        start();
        byte[] damaged = Jars.bundle("io.example.hello", "1.0.1");
        int padding = indexOf(damaged, "xxxxxxxxxx".getBytes());
        damaged[padding + 100] = 'y';

        drop("hello.jar", damaged);
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(folder().warnings()).singleElement().asString()
                .contains("plugins/hello.jar cannot be deployed: it is damaged: entry padding.txt does not match "
                        + "its checksum");
    }

    @Test
    void aBrokenJarIsReportedOnlyOnceItHasBeenQuietForTwoSeconds() {
        start();
        drop("broken.jar", "not a zip".getBytes());

        poll();
        poll();
        poll();
        assertThat(folder().warnings()).as("changed a second ago: it may still be arriving").isEmpty();

        poll();
        poll();
        assertThat(folder().warnings()).containsExactly(
                "plugins/broken.jar cannot be deployed: it is not a readable jar file (zip END header not found)");
        assertThat(installer.operations).isEmpty();
    }

    @Test
    void aJarCopiedSlowlyIsNeverReportedAndIsInstalledOnceComplete() {
        start();
        byte[] bundle = HELLO;
        for (int written = 100; written < bundle.length; written += 100) {
            write("slow.jar", Arrays.copyOf(bundle, written));
            // A chunk every 1.5 s, with polls every 0.5 s in between: the same partial file is seen three times.
            poll();
            poll();
            poll();
            assertThat(folder().warnings()).as("after %d bytes", written).isEmpty();
            assertThat(installer.operations).as("after %d bytes", written).isEmpty();
        }
        write("slow.jar", bundle);
        settle();

        assertThat(folder().warnings()).isEmpty();
        assertThat(installer.running()).containsOnly(entry("io.example.hello", "slow.jar 1.0.0"));
    }

    @Test
    void jarsThatAreNotBundlesAreNamedWithTheReasonAndForgivenOnceFixed() {
        write("plain.jar", Jars.plainJar());
        write("nameless.jar", Jars.withManifest("Manifest-Version: 1.0\r\nBundle-Version: 1.0.0\r\n\r\n"));
        write("badversion.jar", Jars.bundle("io.example.bad", "one.two"));
        start();
        settle();

        assertThat(folder().warnings()).containsExactly(
                "plugins/badversion.jar cannot be deployed: its Bundle-Version 'one.two' is not a version "
                        + "(major[.minor[.micro[.qualifier]]], e.g. 1.2.0)",
                "plugins/nameless.jar cannot be deployed: its manifest has no Bundle-SymbolicName, so it is not an "
                        + "OSGi bundle",
                "plugins/plain.jar cannot be deployed: it has no META-INF/MANIFEST.MF, so it is not an OSGi bundle");
        assertThat(installer.operations).isEmpty();

        drop("plain.jar", HELLO);
        delete("nameless.jar");
        delete("badversion.jar");
        settle();
        assertThat(folder().warnings()).isEmpty();
        assertThat(installer.running()).containsOnly(entry("io.example.hello", "plain.jar 1.0.0"));
    }

    @Test
    void aBrokenJarThatIsDeletedTakesItsOldVersionWithIt() {
        write("hello.jar", HELLO);
        start();
        drop("hello.jar", "garbage".getBytes());
        settle();

        delete("hello.jar");
        poll();

        assertThat(installer.running()).isEmpty();
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void configurationFilesAreNeverInstalledAndAreReportedAsBelongingInConfig() {
        write("io.cascadence.cfg", "timezone = Europe/Paris\n".getBytes());
        write("other.config", "x=\"1\"\n".getBytes());
        start();

        assertThat(installer.operations).isEmpty();
        assertThat(folder().warnings()).containsExactly(
                "plugins/io.cascadence.cfg is ignored: configuration is read from config/ only; move the file there "
                        + "to apply it",
                "plugins/other.config is ignored: configuration is read from config/ only; move the file there "
                        + "to apply it");

        delete("io.cascadence.cfg");
        delete("other.config");
        poll();
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void aBundleThatCannotStartIsReportedAndStartedAgainWhenAnotherPluginArrives() {
        installer.unstartable.put("needs.jar", "missing requirement osgi.wiring.package=io.example.lib");
        write("needs.jar", Jars.bundle("io.example.needs", "1.0.0"));
        start();

        assertThat(folder().warnings()).containsExactly("plugins/needs.jar holds io.example.needs 1.0.0, which is "
                + "installed but did not start: missing requirement osgi.wiring.package=io.example.lib");

        installer.unstartable.clear();
        drop("lib.jar", Jars.bundle("io.example.lib", "1.0.0"));
        settle();

        assertThat(folder().warnings()).isEmpty();
        assertThat(installer.bundles.values()).allMatch(bundle -> bundle.active);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
