package io.cascadence.scheduler.impl.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.CascadenceException;

class WatermarkFileTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenWatermarkIsReadBackAfterARestart() {
        Path path = dir.resolve("data/schedules.state");
        WatermarkFile file = new WatermarkFile(path);
        file.advance(Instant.parse("2026-11-30T05:00:00Z"));
        file.flush();

        assertThat(new WatermarkFile(path).read()).contains(Instant.parse("2026-11-30T05:00:00Z"));
    }

    @Test
    void theFileIsOneReadableLine() throws IOException {
        WatermarkFile file = new WatermarkFile(dir.resolve("schedules.state"));
        file.advance(Instant.parse("2026-11-30T05:00:00Z"));
        file.flush();

        assertThat(Files.readString(dir.resolve("schedules.state"))).isEqualTo("last_checked: 2026-11-30T05:00:00Z\n");
    }

    @Test
    void aMissingFileIsAFirstStart() {
        assertThat(new WatermarkFile(dir.resolve("schedules.state")).read()).isEmpty();
    }

    @Test
    void anUnreadableFileIsReportedNamingIt() throws IOException {
        Path path = dir.resolve("schedules.state");
        Files.writeString(path, "last_checked: yesterday\n");

        assertThatThrownBy(() -> new WatermarkFile(path).read()).isInstanceOf(CascadenceException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("'yesterday' is not an instant");
    }

    @Test
    void aFileWithoutTheKeyIsReportedToo() throws IOException {
        Path path = dir.resolve("schedules.state");
        Files.writeString(path, "something: else\n");

        assertThatThrownBy(() -> new WatermarkFile(path).read()).hasMessageContaining("has no last_checked line");
    }

    @Test
    void writesReplaceTheFileWholeAndLeaveNoTemporaryFileBehind() throws IOException {
        Path path = dir.resolve("schedules.state");
        Files.writeString(path, "last_checked: 2026-01-01T00:00:00Z\n");
        WatermarkFile file = new WatermarkFile(path);

        file.advance(Instant.parse("2026-11-30T05:00:00Z"));
        file.flush();

        assertThat(file.read()).contains(Instant.parse("2026-11-30T05:00:00Z"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void advancesAreCoalescedAndNeverGoBack() throws IOException {
        Path path = dir.resolve("schedules.state");
        WatermarkFile file = new WatermarkFile(path);
        for (int minute = 0; minute < 60; minute++) {
            file.advance(Instant.parse("2026-11-30T05:00:00Z").plusSeconds(60L * minute));
        }
        file.advance(Instant.parse("2026-11-30T04:00:00Z"));
        file.flush();
        assertThat(file.read()).contains(Instant.parse("2026-11-30T05:59:00Z"));

        // Nothing new: a flush does not write (the file edited meanwhile stays as it is).
        Files.writeString(path, "last_checked: 2026-01-01T00:00:00Z\n");
        file.flush();
        assertThat(file.read()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
