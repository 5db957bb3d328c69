package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistedFileTest {

    @TempDir
    Path dir;

    private PersistedFile open(Path file) {
        PersistedFile persisted = new PersistedFile(file);
        List<String> restored = new ArrayList<>();
        persisted.open(content -> new String(content, StandardCharsets.UTF_8), restored::add,
                () -> "x: 1\n".getBytes(StandardCharsets.UTF_8));
        return persisted;
    }

    @Test
    void aHealthyFileHasNoWarnings() {
        try (PersistedFile persisted = open(dir.resolve("pointers.yml"))) {
            assertThat(persisted.warnings()).isEmpty();
        }
    }

    @Test
    void aFileThatCouldNotBeReadIsAWarningWithTheReason() throws IOException {
        Path file = Files.createDirectories(dir.resolve("stages.yml"));

        try (PersistedFile persisted = open(file)) {
            assertThat(persisted.warnings()).singleElement().asString()
                    .startsWith(file + " could not be read at start and is not being written (")
                    .contains("kept in memory");
        }
    }

    @Test
    void aFileThatCouldNotBeWrittenIsAWarningBeforeAnyChangeTriesTo() throws IOException {
        Path file = dir.resolve("pointers.yml");
        try (PersistedFile persisted = open(file)) {
            Files.createDirectories(file.resolve("in-the-way"));

            assertThat(persisted.warnings()).singleElement().asString()
                    .isEqualTo(file + " cannot be written (it is a folder); changes are kept in memory until it can");
        }
    }
}
