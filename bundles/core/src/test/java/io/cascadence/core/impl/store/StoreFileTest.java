package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.Pointer;
import io.cascadence.api.RunRecord;

class StoreFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesNoContentAndMayBeWritten() {
        AtomicInteger parsed = new AtomicInteger();

        StoreFile.Loaded<String> loaded = StoreFile.load(dir.resolve("absent.yml"), content -> {
            parsed.incrementAndGet();
            return "parsed";
        });

        assertThat(loaded.content()).isEmpty();
        assertThat(loaded.writable()).isTrue();
        assertThat(parsed).hasValue(0);
    }

    @Test
    void aGoodFileGivesItsParsedContentAndMayBeWritten() throws IOException {
        Path file = dir.resolve("pointers.yml");
        Files.writeString(file, "report:\n- run_id: r1\n  user_hash: u1\n");

        StoreFile.Loaded<Map<String, List<Pointer>>> loaded = StoreFile.load(file, PointerLog::parse);

        assertThat(loaded.writable()).isTrue();
        assertThat(loaded.content()).contains(Map.of("report", List.of(new Pointer("r1", "u1", null))));
    }

    @Test
    void theParserSeesTheFileBytesExactly() throws IOException {
        Path file = dir.resolve("raw.bin");
        byte[] bytes = "héllo\nwörld".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);

        StoreFile.Loaded<byte[]> loaded = StoreFile.load(file, content -> content);

        assertThat(loaded.content()).hasValueSatisfying(content -> assertThat(content).isEqualTo(bytes));
    }

    @Test
    void anUnparsableFileGivesNoContentIsNotWritableAndIsLeftUntouched() throws IOException {
        Path file = dir.resolve("runs.json");
        byte[] original = "{\"version\": 1, \"runs\": [ this is not json".getBytes(StandardCharsets.UTF_8);
        Files.write(file, original);

        StoreFile.Loaded<List<RunRecord>> loaded = StoreFile.load(file, RunRecordsJson::read);

        assertThat(loaded.content()).isEmpty();
        assertThat(loaded.writable()).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void aParserFailingWithoutAMessageStillMakesTheFileUnwritable() throws IOException {
        Path file = dir.resolve("stages.yml");
        Files.writeString(file, "anything");

        StoreFile.Loaded<Object> loaded = StoreFile.load(file, content -> {
            throw new NullPointerException();
        });

        assertThat(loaded.content()).isEmpty();
        assertThat(loaded.writable()).isFalse();
        assertThat(file).hasContent("anything");
    }

    @Test
    void aPathThatCannotBeReadIsNotWritable() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("tasks.yml"));

        StoreFile.Loaded<List<io.cascadence.api.TaskPath>> loaded = StoreFile.load(folder, TaskPathFile::parse);

        assertThat(loaded.content()).isEmpty();
        assertThat(loaded.writable()).isFalse();
        assertThat(folder).isDirectory();
    }

    @Test
    void anEmptyFileIsHandedToTheParser() throws IOException {
        Path file = Files.createFile(dir.resolve("pointers.yml"));

        StoreFile.Loaded<Map<String, List<Pointer>>> loaded = StoreFile.load(file, PointerLog::parse);

        assertThat(loaded.writable()).isTrue();
        assertThat(loaded.content()).contains(Map.of());
    }
}
