package io.cascadence.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleListTest {

    @TempDir
    Path system;

    private void jars(String... names) throws IOException {
        for (String name : names) {
            Files.write(system.resolve(name), new byte[] {'P', 'K'});
        }
    }

    private void list(String content) throws IOException {
        Files.writeString(system.resolve("bundles.list"), content);
    }

    @Test
    void keepsOrderSkipsCommentsAndBlankLinesAndSeparatesTheShell() throws IOException {
        jars("scr.jar", "api.jar", "core.jar", "gogo-runtime.jar", "gogo-shell.jar");
        list("""
                # started in this order
                scr.jar

                  core.jar
                api.jar
                [shell]
                # only in a terminal
                gogo-runtime.jar
                gogo-shell.jar
                """);

        BundleList bundles = BundleList.read(system);

        assertThat(bundles.always()).containsExactly(
                system.resolve("scr.jar"), system.resolve("core.jar"), system.resolve("api.jar"));
        assertThat(bundles.shell()).containsExactly(
                system.resolve("gogo-runtime.jar"), system.resolve("gogo-shell.jar"));
        assertThat(bundles.background()).isEmpty();
    }

    @Test
    void aTrailingAmpersandMarksABundleToStartBesideTheOthersWithoutLosingItsPlace() throws IOException {
        jars("slf4j.jar", "jetty.jar", "scr.jar");
        list("slf4j.jar\njetty.jar &\nscr.jar\n");

        BundleList bundles = BundleList.read(system);

        assertThat(bundles.always()).containsExactly(
                system.resolve("slf4j.jar"), system.resolve("jetty.jar"), system.resolve("scr.jar"));
        assertThat(bundles.background()).containsExactly(system.resolve("jetty.jar"));
    }

    @Test
    void withoutShellSectionTheShellListIsEmpty() throws IOException {
        jars("core.jar");
        list("core.jar\n");

        assertThat(BundleList.read(system).shell()).isEmpty();
    }

    @Test
    void listedJarThatDoesNotExistIsNamed() throws IOException {
        jars("core.jar");
        list("core.jar\nmissing-1.0.jar\n");

        assertThatThrownBy(() -> BundleList.read(system))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("missing-1.0.jar")
                .hasMessageContaining(system.resolve("bundles.list").toString());
    }

    @Test
    void missingListFileIsNamed() {
        assertThatThrownBy(() -> BundleList.read(system))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("Cannot read " + system.resolve("bundles.list"));
    }
}
