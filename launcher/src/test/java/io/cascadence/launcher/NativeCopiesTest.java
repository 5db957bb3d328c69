package io.cascadence.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCopiesTest {

    @TempDir
    Path root;

    private final String before = System.getProperty(NativeCopies.SQLITE_TMPDIR);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(NativeCopies.SQLITE_TMPDIR);
        } else {
            System.setProperty(NativeCopies.SQLITE_TMPDIR, before);
        }
    }

    @Test
    void copiesOfDeadProcessesAreDeletedAndThoseOfLiveOnesKept() throws Exception {
        long self = ProcessHandle.current().pid();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path dead = Files.createDirectories(root.resolve(Long.toString(Integer.MAX_VALUE - 1L)));
        Files.writeString(dead.resolve("sqlite-3.54.1.0-x-libsqlitejdbc.so"), "left by kill -9");
        Files.createDirectories(root.resolve(Long.toString(live)).resolve("in-use"));
        Files.createDirectories(root.resolve("not-a-pid"));
        System.clearProperty(NativeCopies.SQLITE_TMPDIR);

        NativeCopies.prepare(root, self);

        assertThat(dead).doesNotExist();
        assertThat(root.resolve(Long.toString(live)).resolve("in-use")).isDirectory();
        assertThat(root.resolve("not-a-pid")).isDirectory();
        assertThat(root.resolve(Long.toString(self))).isDirectory();
        assertThat(System.getProperty(NativeCopies.SQLITE_TMPDIR)).isEqualTo(root.resolve(Long.toString(self))
                .toString());
    }

    @Test
    void aFolderGivenOnTheCommandLineWins() throws Exception {
        System.setProperty(NativeCopies.SQLITE_TMPDIR, "/somewhere/else");

        NativeCopies.prepare(root, ProcessHandle.current().pid());

        assertThat(System.getProperty(NativeCopies.SQLITE_TMPDIR)).isEqualTo("/somewhere/else");
    }
}
