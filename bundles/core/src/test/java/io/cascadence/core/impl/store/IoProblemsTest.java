package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoProblemsTest {

    @TempDir
    Path dir;

    @Test
    void aFileInAWritableFolderHasNoProblemWhetherOrNotItExists() throws IOException {
        assertThat(IoProblems.writeProblem(dir.resolve("tasks.yml"))).isNull();
        assertThat(IoProblems.writeProblem(dir.resolve("not/yet/made/tasks.yml"))).isNull();
        assertThat(IoProblems.writeProblem(Files.writeString(dir.resolve("tasks.yml"), "[]"))).isNull();
    }

    @Test
    void aFolderWhereTheFileBelongsIsAProblem() throws IOException {
        Path file = Files.createDirectory(dir.resolve("tasks.yml"));

        assertThat(IoProblems.writeProblem(file)).isEqualTo("it is a folder");
    }

    @Test
    void aFileWhereAFolderBelongsIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("data"), "not a folder");

        assertThat(IoProblems.writeProblem(blocker.resolve("sub/tasks.yml")))
                .isEqualTo(blocker + " is in the way: it is not a folder");
    }

    @Test
    void reasonsAreSaidWithoutTheTemporaryFilesName() {
        assertThat(IoProblems.describe(new AccessDeniedException("/data/.tasks.yml123.tmp"))).isEqualTo("permission denied");
        assertThat(IoProblems.describe(new FileSystemException("/data/.tasks.yml1.tmp", "/data/tasks.yml",
                "Read-only file system"))).isEqualTo("Read-only file system");
        assertThat(IoProblems.describe(new IOException("No space left on device"))).isEqualTo("No space left on device");
    }
}
