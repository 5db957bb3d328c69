package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.StoreUnavailableException;

class DurableFileTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static DurableFile open(Path file, List<String> restored) {
        return DurableFile.open(file, content -> new String(content, StandardCharsets.UTF_8), restored::add);
    }

    @Test
    void aGoodFileIsRestoredAndWrittenAtOnce() throws IOException {
        Path file = dir.resolve("task-states.yml");
        Files.writeString(file, "paused: [a]\n");
        List<String> restored = new ArrayList<>();

        DurableFile durable = open(file, restored);
        durable.write(bytes("paused: [b]\n"));

        assertThat(restored).containsExactly("paused: [a]\n");
        assertThat(file).hasContent("paused: [b]");
        assertThat(durable.warnings()).isEmpty();
    }

    @Test
    void aMissingFileRestoresNothingAndIsCreatedWithItsFolders() {
        Path file = dir.resolve("data/sub/tasks.yml");
        List<String> restored = new ArrayList<>();

        DurableFile durable = open(file, restored);
        durable.requireWritable();
        durable.write(bytes("- b:c.D\n"));

        assertThat(restored).isEmpty();
        assertThat(file).hasContent("- b:c.D");
    }

    @Test
    void aFileThatCouldNotBeReadIsNeverWrittenAndEveryWriteIsRefusedNamingItAndWhy() throws IOException {
        Path file = dir.resolve("tasks.yml");
        Files.writeString(file, "precious: hand-written\n");
        DurableFile durable = DurableFile.open(file, content -> {
            throw new IllegalArgumentException("expected a list of 'bundle:Class' paths");
        }, restored -> { });

        assertThatThrownBy(() -> durable.write(bytes("- b:c.D\n")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith(file + " cannot be written: it could not be read at start")
                .hasMessageContaining("expected a list of 'bundle:Class' paths")
                .hasMessageEndingWith("nothing was changed");
        assertThatThrownBy(durable::requireWritable).isInstanceOf(StoreUnavailableException.class);
        assertThat(file).hasContent("precious: hand-written");
        assertThat(durable.warnings()).singleElement().asString()
                .startsWith(file + " could not be read at start and is not being written (expected a list")
                .contains("changes are refused");
    }

    @Test
    void aFailedWriteIsRefusedNamingTheFileLeavesItAsItWasAndShowsOnHealth() throws IOException {
        Path file = dir.resolve("task-states.yml");
        DurableFile durable = open(file, new ArrayList<>());
        durable.write(bytes("paused: [a]\n"));
        Files.move(file, dir.resolve("saved.yml"));
        // A folder where the file belongs: no write can replace it, whoever runs the test (even root).
        Files.createDirectories(file.resolve("in-the-way"));

        assertThatThrownBy(() -> durable.write(bytes("paused: []\n")))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.reason()).isNotBlank();
                });
        assertThat(file.resolve("in-the-way")).isDirectory();
        assertThat(durable.warnings()).singleElement().asString()
                .isEqualTo(file + " cannot be written (it is a folder); changes are refused until it can");
        assertThatThrownBy(durable::requireWritable).isInstanceOf(StoreUnavailableException.class)
                .hasMessage(file + " cannot be written: it is a folder; nothing was changed");
    }

    @Test
    void theLastFailureShowsUntilAWriteSucceeds() throws IOException {
        Path file = dir.resolve("task-states.yml");
        DurableFile durable = open(file, new ArrayList<>());
        Files.createDirectories(file.resolve("in-the-way"));
        assertThatThrownBy(() -> durable.write(bytes("paused: [a]\n"))).isInstanceOf(StoreUnavailableException.class);
        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);

        assertThat(durable.warnings()).singleElement().asString().startsWith("the last write of " + file + " failed");

        durable.write(bytes("paused: [a]\n"));

        assertThat(durable.warnings()).isEmpty();
        assertThat(file).hasContent("paused: [a]");
    }
}
