package io.cascadence.core.impl.history;

import static io.cascadence.core.impl.history.Runs.ended;
import static io.cascadence.core.impl.history.Runs.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cascadence.api.RunRecord;

/**
 * How the writer groups what waits. The target is a recording stand-in whose first write can be held, so that
 * the test decides what is waiting when the writer looks next: no timing involved.
 */
class GroupCommitWriterTest {

    /** Records every write; the first one waits until released; run ids starting with "bad" fail. */
    static final class HeldTarget implements GroupCommitWriter.Target {
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<String>> saves = new ArrayList<>();
        final List<List<String>> updates = new ArrayList<>();

        @Override
        public void write(List<RunRecord> batch, Collection<RunRecord> later) throws Exception {
            firstWriteStarted.countDown();
            release.await();
            synchronized (this) {
                saves.add(batch.stream().map(RunRecord::runId).toList());
                updates.add(later.stream().map(r -> r.runId() + "@" + r.stages().size()).toList());
            }
            if (batch.stream().anyMatch(r -> r.runId().startsWith("bad"))) {
                throw new SQLException("refused " + batch.size());
            }
        }

        @Override
        public void afterBatch(int written) {
        }
    }

    private final HeldTarget target = new HeldTarget();
    private final GroupCommitWriter writer = new GroupCommitWriter("test", target, new WriteProblems("test.db"));

    @AfterEach
    void close() {
        target.release.countDown();
        writer.close();
    }

    /** Starts the writer and has it busy with a first save, so that what follows waits together. */
    private CompletableFuture<Void> holdWriter() throws InterruptedException {
        writer.start();
        CompletableFuture<Void> first = writer.save(List.of(ended("first", "t", 0)));
        target.firstWriteStarted.await();
        return first;
    }

    @Test
    void savesThatWaitTogetherShareOneWrite() throws Exception {
        CompletableFuture<Void> first = holdWriter();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(writer.save(List.of(ended("r" + i, "t", i))));
        }
        assertThat(first).isNotDone(); // not before its commit

        target.release.countDown();
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).join();

        assertThat(target.saves).containsExactly(List.of("first"),
                List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"));
    }

    @Test
    void aBatchIsBoundedButASaveIsNeverSplit() throws Exception {
        holdWriter();
        List<RunRecord> big = new ArrayList<>();
        for (int i = 0; i < GroupCommitWriter.BATCH_RECORDS - 1; i++) {
            big.add(ended("big" + i, "t", i));
        }
        writer.save(big);
        CompletableFuture<Void> pair = writer.save(List.of(ended("p1", "t", 1), ended("p2", "t", 2)));

        target.release.countDown();
        pair.join();

        assertThat(target.saves).extracting(List::size).containsExactly(1, GroupCommitWriter.BATCH_RECORDS - 1, 2);
    }

    @Test
    void onlyTheNewestUpdateOfARunWaitsAndASaveDropsOlderOnes() throws Exception {
        holdWriter();
        writer.saveLater(running("a", "t", 1, "intake"));
        writer.saveLater(running("b", "t", 2, "intake"));
        writer.saveLater(running("a", "t", 1, "intake", "plan"));
        writer.saveLater(running("a", "t", 1, "intake", "plan", "run"));
        writer.saveLater(running("c", "t", 3, "intake"));
        CompletableFuture<Void> cEnded = writer.save(List.of(ended("c", "t", 3)));

        target.release.countDown();
        cEnded.join();
        writer.close();

        assertThat(target.saves.get(1)).containsExactly("c");
        assertThat(target.updates.get(1)).containsExactly("b@1", "a@3");
    }

    @Test
    void oneBadSaveInAGroupFailsAloneAndNamesTheDatabase() throws Exception {
        holdWriter();
        CompletableFuture<Void> good = writer.save(List.of(ended("good", "t", 1)));
        CompletableFuture<Void> bad = writer.save(List.of(ended("bad", "t", 2)));
        CompletableFuture<Void> alsoGood = writer.save(List.of(ended("fine", "t", 3)));

        target.release.countDown();

        assertThat(good).succeedsWithin(java.time.Duration.ofMinutes(1));
        assertThat(alsoGood).succeedsWithin(java.time.Duration.ofMinutes(1));
        assertThat(bad).failsWithin(java.time.Duration.ofMinutes(1)).withThrowableThat()
                .withMessageContaining("test.db").withMessageContaining("refused 1");
    }
}
