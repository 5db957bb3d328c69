package io.cascadence.core.impl.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Several jars that hold one bundle: exactly one runs, the others are reported, and one takes over from another. */
class PluginFolderCopiesTest extends PluginFolderFixture {

    private static final byte[] HELLO = Jars.bundle("io.example.hello", "1.0.0");

    @Test
    void aSecondCopyIsNotInstalledAndIsReportedNamingBothFiles() {
        write("hello.jar", HELLO);
        start();

        drop("hello-copy.jar", HELLO);
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar");
        assertThat(folder().warnings()).singleElement().asString()
                .startsWith("plugins/hello-copy.jar is not deployed")
                .contains("io.example.hello 1.0.0", "another copy", "runs from plugins/hello.jar",
                        "keep one copy of each plugin in plugins/");
    }

    @Test
    void twoCopiesFoundAtStartRunTheFirstByName() {
        write("b-hello.jar", HELLO);
        write("a-hello.jar", HELLO);

        start();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "a-hello.jar 1.0.0"));
        assertThat(folder().warnings()).singleElement().asString().startsWith("plugins/b-hello.jar is not deployed");
    }

    @Test
    void deletingTheRunningCopyStartsTheOtherBeforeTheOldOneIsUninstalled() {
        write("hello.jar", HELLO);
        write("hello-copy.jar", HELLO);
        start();
        String running = installer.running().get("io.example.hello").split(" ")[0];
        String other = running.equals("hello.jar") ? "hello-copy.jar" : "hello.jar";
        installer.operations.clear();

        delete(running);
        poll();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", other + " 1.0.0"));
        assertThat(installer.operations).as("the copy takes over before the old bundle goes, so its tasks never go")
                .containsExactly("install " + other, "start " + other, "uninstall " + running);
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void deletingTheIdleCopyLeavesTheRunningBundleAloneAndEndsTheWarning() {
        write("hello.jar", HELLO);
        start();
        drop("hello-copy.jar", HELLO);
        settle();
        assertThat(folder().warnings()).hasSize(1);

        delete("hello-copy.jar");
        poll();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).containsExactly("install hello.jar", "start hello.jar");
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void aCopyWithAHigherVersionTakesOverAndTheOlderIsReported() {
        write("hello.jar", HELLO);
        start();

        drop("hello-2.jar", Jars.bundle("io.example.hello", "2.0.0"));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello-2.jar 2.0.0"));
        assertThat(installer.operations).endsWith("install hello-2.jar", "start hello-2.jar", "uninstall hello.jar");
        assertThat(folder().warnings()).singleElement().asString()
                .contains("plugins/hello.jar is not deployed", "io.example.hello 1.0.0",
                        "runs from plugins/hello-2.jar (2.0.0)");
    }

    @Test
    void aCopyWithALowerVersionNeverReplacesTheRunningOne() {
        write("hello.jar", Jars.bundle("io.example.hello", "2.0.0"));
        start();

        drop("a-older.jar", Jars.bundle("io.example.hello", "1.0.0.beta"));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 2.0.0"));
        assertThat(folder().warnings()).singleElement().asString().contains("plugins/a-older.jar is not deployed");
    }

    @Test
    void aCopyThatTheFrameworkRefusesLeavesTheRunningOneInPlace() {
        write("hello.jar", HELLO);
        write("hello-copy.jar", HELLO);
        start();
        String running = installer.running().get("io.example.hello").split(" ")[0];
        String other = running.equals("hello.jar") ? "hello-copy.jar" : "hello.jar";
        installer.refuse.put(other, "missing requirement osgi.ee=JavaSE-99");
        drop(other, Jars.bundle("io.example.hello", "3.0.0"));
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", running + " 1.0.0"));
        assertThat(folder().warnings()).singleElement().asString()
                .isEqualTo("plugins/" + other + " cannot be deployed: the framework refused it: "
                        + "missing requirement osgi.ee=JavaSE-99");
    }
}
