package io.cascadence.core.impl.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Folders added beside plugins/ ({@code task watch-plugins DIR}): same rules, one copy of a bundle across them. */
class PluginFolderAddedTest extends PluginFolderFixture {

    private static final byte[] HELLO = Jars.bundle("io.example.hello", "1.0.0");

    @Test
    void anAddedFoldersJarsRunAtOnceAndGoWhenTheFolderIsRemoved() {
        start();
        Path dev = folderWith("dev", "hello.jar", HELLO);

        assertThat(folder().add(dev)).isTrue();
        assertThat(installer.running()).as("deployed before add returns")
                .containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(folder().folders()).containsExactly(plugins().toAbsolutePath().normalize(), dev);

        assertThat(folder().remove(dev)).isTrue();
        assertThat(installer.running()).as("uninstalled before remove returns").isEmpty();
        assertThat(installer.operations).endsWith("uninstall hello.jar");
        assertThat(folder().folders()).containsExactly(plugins().toAbsolutePath().normalize());
    }

    @Test
    void addingOrRemovingTwiceChangesNothing() {
        start();
        Path dev = folderWith("dev", "hello.jar", HELLO);
        folder().add(dev);
        installer.operations.clear();

        assertThat(folder().add(dev)).isFalse();
        assertThat(installer.operations).isEmpty();
        assertThat(folder().remove(dev)).isTrue();
        assertThat(folder().remove(dev)).isFalse();
        assertThat(installer.operations).containsExactly("uninstall hello.jar");
    }

    @Test
    void anAddedFolderIsWatchedLikePluginsUntilRemoved() {
        start();
        Path dev = folderWith("dev", "other.jar", Jars.bundle("io.example.other", "1.0.0"));
        folder().add(dev);

        write(dev.resolve("hello.jar"), HELLO);
        settle();
        assertThat(installer.running()).containsKeys("io.example.hello", "io.example.other");

        delete(dev.resolve("hello.jar"));
        poll();
        assertThat(installer.running()).containsOnlyKeys("io.example.other");
    }

    @Test
    void aBundleInPluginsAndInAnAddedFolderRunsOnceAndTheOtherCopyIsReported() {
        write("hello.jar", HELLO);
        start();
        Path dev = folderWith("dev", "hello.jar", HELLO);
        installer.operations.clear();

        folder().add(dev);

        assertThat(installer.running()).as("the copy that runs stays").containsOnly(
                entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).isEmpty();
        assertThat(folder().warnings()).singleElement().asString()
                .startsWith("dev/hello.jar is not deployed")
                .contains("runs from plugins/hello.jar", "keep one copy of each plugin across the watched folders");

        folder().remove(dev);
        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).as("plugins/hello.jar's bundle was never touched").isEmpty();
        assertThat(folder().warnings()).isEmpty();
    }

    @Test
    void aNewerVersionInAnAddedFolderTakesOverAndHandsBackWhenTheFolderIsRemoved() {
        write("hello.jar", HELLO);
        start();
        Path dev = folderWith("dev", "hello.jar", Jars.bundle("io.example.hello", "1.1.0"));

        folder().add(dev);
        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.1.0"));
        installer.operations.clear();

        folder().remove(dev);
        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.0"));
        assertThat(installer.operations).as("plugins/' copy starts before the added folder's goes")
                .containsExactly("install hello.jar", "start hello.jar", "uninstall hello.jar");
    }

    private Path folderWith(String name, String jar, byte[] content) {
        Path dir = root.resolve(name).toAbsolutePath().normalize();
        write(dir.resolve(jar), content);
        return dir;
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
