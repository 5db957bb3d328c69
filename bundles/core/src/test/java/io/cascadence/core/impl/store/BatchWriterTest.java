package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchWriterTest {

    /** Long enough that the timer never writes during a test that flushes by hand. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final List<BatchWriter> writers = new ArrayList<>();

    @AfterEach
    void closeWriters() {
        writers.forEach(BatchWriter::close);
    }

    private BatchWriter writer(Path file, Duration interval, Supplier<byte[]> snapshot) {
        BatchWriter writer = new BatchWriter(file, interval, snapshot);
        writers.add(writer);
        return writer;
    }

    /** A snapshot that counts its calls and writes "write N". */
    private static final class CountingSnapshot implements Supplier<byte[]> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public byte[] get() {
            return ("write " + calls.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void manyChangesThenOneFlushWriteOnce() {
        Path file = dir.resolve("runs.json");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, NEVER, snapshot);

        for (int i = 0; i < 10_000; i++) {
            writer.markDirty();
        }
        writer.flush();

        assertThat(snapshot.calls).hasValue(1);
        assertThat(file).hasContent("write 1");
        assertThat(writer.problem()).isNull();
    }

    @Test
    void nothingIsWrittenWhenNothingChanged() {
        Path file = dir.resolve("runs.json");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, NEVER, snapshot);

        writer.flush();
        writer.close();

        assertThat(snapshot.calls).hasValue(0);
        assertThat(file).doesNotExist();
    }

    @Test
    void aSecondFlushWithoutNewChangesDoesNotWriteAgain() {
        Path file = dir.resolve("runs.json");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, NEVER, snapshot);

        writer.markDirty();
        writer.flush();
        writer.flush();
        writer.flush();

        assertThat(snapshot.calls).hasValue(1);
        assertThat(file).hasContent("write 1");
    }

    @Test
    void changesAfterAFlushAreWrittenByTheNextFlush() {
        Path file = dir.resolve("runs.json");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, NEVER, snapshot);

        writer.markDirty();
        writer.flush();
        writer.markDirty();
        writer.flush();

        assertThat(snapshot.calls).hasValue(2);
        assertThat(file).hasContent("write 2");
    }

    @Test
    void aChangeMadeWhileTheSnapshotIsTakenIsNotLost() {
        Path file = dir.resolve("runs.json");
        AtomicReference<BatchWriter> self = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        BatchWriter writer = writer(file, NEVER, () -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                self.get().markDirty(); // an event arrives while the first snapshot is being taken
            }
            return ("write " + call).getBytes(StandardCharsets.UTF_8);
        });
        self.set(writer);

        writer.markDirty();
        writer.flush();
        writer.flush();

        assertThat(calls).hasValue(2);
        assertThat(file).hasContent("write 2");
    }

    @Test
    void closeWritesPendingChanges() {
        Path file = dir.resolve("stages.yml");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, NEVER, snapshot);

        writer.markDirty();
        writer.close();

        assertThat(snapshot.calls).hasValue(1);
        assertThat(file).hasContent("write 1");
    }

    @Test
    void aFailingWriteIsReportedNamingTheFileAndRetriedUntilItWorks() throws IOException {
        Path file = dir.resolve("runs.json");
        Files.createDirectory(file); // the target is taken by a folder: the rename cannot replace it
        Files.writeString(file.resolve("occupant.txt"), "x");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, NEVER, snapshot);

        writer.markDirty();
        writer.flush();

        assertThat(writer.problem()).isNotNull().contains(file.toString());
        assertThat(file).isDirectory();

        writer.flush(); // still broken: the change is still pending, so it is tried again
        assertThat(snapshot.calls).hasValue(2);
        assertThat(writer.problem()).contains(file.toString());

        Files.delete(file.resolve("occupant.txt"));
        Files.delete(file);
        writer.flush(); // no new change was marked; the failed one is retried

        assertThat(snapshot.calls).hasValue(3);
        assertThat(file).isRegularFile().hasContent("write 3");
        assertThat(writer.problem()).isNull();
    }

    @Test
    void aSnapshotThatThrowsIsReportedAndRetried() {
        Path file = dir.resolve("pointers.yml");
        AtomicInteger calls = new AtomicInteger();
        BatchWriter writer = writer(file, NEVER, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("snapshot exploded");
            }
            return "ok".getBytes(StandardCharsets.UTF_8);
        });

        writer.markDirty();
        writer.flush();

        assertThat(writer.problem()).contains(file.toString()).contains("snapshot exploded");
        assertThat(file).doesNotExist();

        writer.flush();

        assertThat(file).hasContent("ok");
        assertThat(writer.problem()).isNull();
    }

    @Test
    void theTimerWritesWithoutAnExplicitFlush() throws InterruptedException {
        Path file = dir.resolve("runs.json");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, Duration.ofMillis(20), snapshot);

        writer.markDirty();

        awaitTrue(Duration.ofSeconds(5), () -> Files.isRegularFile(file));
        assertThat(file).hasContent("write 1");
        assertThat(snapshot.calls).hasValue(1);
    }

    @Test
    void theTimerWritesAtMostOncePerIntervalHoweverManyChangesArrive() throws InterruptedException {
        Path file = dir.resolve("runs.json");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, Duration.ofMillis(100), snapshot);

        long end = System.nanoTime() + Duration.ofMillis(450).toNanos();
        int marks = 0;
        while (System.nanoTime() < end) {
            writer.markDirty();
            marks++;
        }
        awaitTrue(Duration.ofSeconds(5), () -> snapshot.calls.get() > 0);

        assertThat(marks).isGreaterThan(1000);
        // about 4 intervals passed; allow slack for a slow machine, but far fewer writes than changes
        assertThat(snapshot.calls.get()).isBetween(1, 10);
    }

    @Test
    void theTimerRetriesAFailedWriteByItself() throws IOException, InterruptedException {
        Path file = dir.resolve("runs.json");
        Files.createDirectory(file);
        Files.writeString(file.resolve("occupant.txt"), "x");
        CountingSnapshot snapshot = new CountingSnapshot();
        BatchWriter writer = writer(file, Duration.ofMillis(20), snapshot);

        writer.markDirty();
        awaitTrue(Duration.ofSeconds(5), () -> writer.problem() != null);
        assertThat(writer.problem()).contains(file.toString());

        Files.delete(file.resolve("occupant.txt"));
        Files.delete(file);

        awaitTrue(Duration.ofSeconds(5), () -> Files.isRegularFile(file) && writer.problem() == null);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).startsWith("write ");
    }
}
