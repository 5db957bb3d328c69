package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheContent() throws IOException {
        Path file = dir.resolve("runs.json");

        AtomicFiles.write(file, utf8("{\"version\":1,\"runs\":[]}"));

        assertThat(file).hasContent("{\"version\":1,\"runs\":[]}");
    }

    @Test
    void writesEmptyContent() throws IOException {
        Path file = dir.resolve("empty.yml");

        AtomicFiles.write(file, new byte[0]);

        assertThat(file).exists().isEmptyFile();
    }

    @Test
    void replacesAnExistingFileAsAWholeEvenWhenTheNewContentIsShorter() throws IOException {
        Path file = dir.resolve("stages.yml");
        Files.writeString(file, "a long old content that must not survive in any part\n".repeat(100));

        AtomicFiles.write(file, utf8("short\n"));

        assertThat(Files.readAllBytes(file)).isEqualTo(utf8("short\n"));
    }

    @Test
    void keepsBinaryContentByteForByte() throws IOException {
        byte[] content = new byte[256 * 1024 + 7];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        Path file = dir.resolve("blob.bin");

        AtomicFiles.write(file, content);

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void createsMissingParentFolders() throws IOException {
        Path file = dir.resolve("data").resolve("nested").resolve("deeper").resolve("pointers.yml");

        AtomicFiles.write(file, utf8("t: []\n"));

        assertThat(file).hasContent("t: []\n");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        Path file = dir.resolve("tasks.yml");

        AtomicFiles.write(file, utf8("- a:b.C\n"));
        AtomicFiles.write(file, utf8("- a:b.D\n"));
        AtomicFiles.write(file, utf8("- a:b.E\n"));

        assertThat(namesIn(dir)).containsExactly("tasks.yml");
        assertThat(file).hasContent("- a:b.E\n");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileAndKeepsWhatWasThere() throws IOException {
        Path target = dir.resolve("runs.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "keep me");

        assertThatThrownBy(() -> AtomicFiles.write(target, utf8("new")))
                .isInstanceOf(IOException.class);

        assertThat(namesIn(dir)).containsExactly("runs.json");
        assertThat(target).isDirectory();
        assertThat(target.resolve("inside.txt")).hasContent("keep me");
    }
}
