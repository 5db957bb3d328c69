package io.cascadence.core.impl.history;

import static io.cascadence.core.impl.history.Runs.T0;
import static io.cascadence.core.impl.history.Runs.ended;
import static io.cascadence.core.impl.history.Runs.running;
import static io.cascadence.core.impl.history.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.core.impl.store.RunRecordsJson;

/** What every run-history database must do; one subclass per database. */
abstract class SqlRunStoreContract {

    @TempDir
    Path folder;

    private final List<SqlRunStore> opened = new ArrayList<>();

    /** A database no test has used (tables not created yet). */
    abstract HistoryDatabase database();

    SqlRunStore open(int retention, Path legacyJson) {
        SqlRunStore store = SqlRunStore.open(database(), new SqlRunStore.Settings(2, retention, legacyJson));
        opened.add(store);
        return store;
    }

    SqlRunStore open() {
        return open(1_000, null);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(SqlRunStore::close);
    }

    @Test
    void aSavedRunIsFoundAsItWasSaved() {
        SqlRunStore store = open();
        RunRecord run = ended("r1", "hello", 0);

        store.save(List.of(run)).join();

        assertThat(store.find("r1")).contains(run);
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aLaterSaveOfTheSameRunReplacesIt() {
        SqlRunStore store = open();
        store.save(List.of(running("r1", "hello", 0, "intake"))).join();
        store.save(List.of(ended("r1", "hello", 0))).join();

        assertThat(store.find("r1").orElseThrow().status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void queriesFilterByTaskStatusTriggerAndSubmissionTime() {
        SqlRunStore store = open();
        store.save(List.of(ended("a1", "a", 1), with(ended("a2", "a", 2), RunRecord.ERROR, "cron"),
                running("a3", "a", 3), ended("b1", "b", 4))).join();

        assertThat(ids(store.query(RunQuery.forTask("a", 0, 10)))).containsExactly("a3", "a2", "a1");
        assertThat(ids(store.query(query("a", Set.of(RunRecord.ERROR, RunRecord.RUNNING), null)))).containsExactly(
                "a3", "a2");
        assertThat(ids(store.query(query(null, Set.of(), "cron")))).containsExactly("a2");
        assertThat(ids(store.query(new RunQuery(null, Set.of(), null, T0.plusSeconds(2), T0.plusSeconds(4), 0,
                10)))).containsExactly("a3", "a2");
        assertThat(ids(store.query(query(null, Set.of(), null)))).containsExactly("b1", "a3", "a2", "a1");
    }

    @Test
    void pagesAreNewestFirstWithTheRunIdBreakingTies() {
        SqlRunStore store = open();
        store.save(List.of(ended("x-b", "t", 5), ended("x-a", "t", 5), ended("x-c", "t", 5), ended("old", "t", 1),
                ended("new", "t", 9))).join();

        assertThat(ids(store.query(RunQuery.forTask("t", 0, 2)))).containsExactly("new", "x-c");
        assertThat(ids(store.query(RunQuery.forTask("t", 2, 2)))).containsExactly("x-b", "x-a");
        assertThat(ids(store.query(RunQuery.forTask("t", 4, 2)))).containsExactly("old");
        assertThat(store.query(RunQuery.forTask("t", 5, 2))).isEmpty();
    }

    @Test
    void nestedRunsAreListedOnlyWhenAskedForButAreFoundAndListedAsChildrenInPlanOrder() {
        SqlRunStore store = open();
        store.save(List.of(ended("p.10", "p/10", 3), ended("p.2", "p/2", 1), ended("p.1", "p/1", 2),
                ended("p", "p", 0))).join();

        assertThat(ids(store.query(query(null, Set.of(), null)))).containsExactly("p");
        assertThat(ids(store.query(query(null, Set.of(), null).withNested(true))))
                .containsExactly("p.10", "p.1", "p.2", "p");
        assertThat(ids(store.query(RunQuery.forTask("p/2", 0, 10)))).isEmpty();
        assertThat(ids(store.query(RunQuery.forTask("p/2", 0, 10).withNested(true)))).containsExactly("p.2");
        assertThat(ids(store.children("p"))).containsExactly("p.1", "p.2", "p.10");
        assertThat(store.find("p.2").orElseThrow().parentRunId()).isEqualTo("p");
        assertThat(store.children("p.1")).isEmpty();
    }

    @Test
    void unfinishedRunsAreInterruptedWithTheStageThatWasInProgress() {
        SqlRunStore store = open();
        RunRecord queued = with(running("q", "t", 1), RunRecord.QUEUED, "api");
        store.save(List.of(queued, running("r", "t", 2, "intake", "run"), ended("e", "t", 3))).join();

        int ended = store.interruptUnfinished("Cascadence stopped", T0.plusSeconds(60));

        assertThat(ended).isEqualTo(2);
        RunRecord r = store.find("r").orElseThrow();
        assertThat(r.status()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(r.error()).isEqualTo("Cascadence stopped");
        assertThat(r.finishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(r.failedStage()).isEqualTo("run");
        assertThat(store.find("q").orElseThrow().status()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(store.find("e").orElseThrow().status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(store.interruptUnfinished("again", T0)).isZero();
    }

    @Test
    void anUpdateSavedLaterIsWrittenButNeverUndoesAnEndedRun() {
        SqlRunStore store = open();
        store.saveLater(running("slow", "t", 1, "intake"));
        store.save(List.of(ended("done", "t", 2))).join();
        store.saveLater(running("done", "t", 2, "intake")); // arrives after the run's final save
        store.save(List.of(ended("barrier", "t", 3))).join(); // written after everything queued before it

        assertThat(store.find("slow").orElseThrow().stages()).hasSize(1);
        assertThat(store.find("done").orElseThrow().status()).isEqualTo(RunRecord.SUCCESS);
    }

    @Test
    void concurrentSavesAreAllCommitted() {
        SqlRunStore store = open();
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    CompletableFuture<Void> saved = store.save(List.of(ended("c" + thread + "-" + i, "t", i)));
                    synchronized (saves) {
                        saves.add(saved);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        threads.forEach(SqlRunStoreContract::join);
        CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).join();

        assertThat(store.count()).isEqualTo(400);
        assertThat(store.find("c7-49")).isPresent();
    }

    @Test
    void retentionDeletesTheOldestRuns() {
        SqlRunStore store = open(10, null);
        for (int i = 0; i < 25; i++) {
            store.save(List.of(ended("r" + i, "t", i))).join();
        }

        assertThat(store.count()).isBetween(10L, 11L); // the last save's trim may still be on its way
        assertThat(store.find("r13")).isEmpty();
        assertThat(ids(store.query(RunQuery.forTask("t", 0, 10)))).containsExactly("r24", "r23", "r22", "r21",
                "r20", "r19", "r18", "r17", "r16", "r15");
        store.close();
        assertThat(open(5, null).count()).isEqualTo(5); // a lower retention applies at start
    }

    @Test
    void anOldRunsJsonIsImportedOnceAndRenamed() throws Exception {
        Path json = writeLegacy(List.of(ended("old1", "t", 1), ended("old2", "t", 2)));

        SqlRunStore store = open(1_000, json);

        assertThat(store.find("old1")).contains(ended("old1", "t", 1));
        assertThat(store.count()).isEqualTo(2);
        assertThat(json).doesNotExist();
        assertThat(json.resolveSibling("runs.json.imported")).exists();
        assertThat(store.warnings()).isEmpty();
    }

    @Test
    void anImportRepeatedAfterACrashBeforeTheRenameChangesNothing() throws Exception {
        Path json = writeLegacy(List.of(running("old1", "t", 1), ended("old2", "t", 2)));
        SqlRunStore first = open(1_000, json);
        first.interruptUnfinished("stopped", T0.plusSeconds(9));
        first.close();
        // As if the process died after the import's commit but before the rename.
        Files.move(json.resolveSibling("runs.json.imported"), json);

        SqlRunStore second = open(1_000, json);

        assertThat(second.count()).isEqualTo(2);
        assertThat(second.find("old1").orElseThrow().status()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(json).doesNotExist();
    }

    @Test
    void anUnreadableRunsJsonIsReportedByNameAndLeftInPlace() throws Exception {
        Path json = folder.resolve("runs.json");
        Files.writeString(json, "{ not json");

        SqlRunStore store = open(1_000, json);

        assertThat(store.warnings()).singleElement().asString().contains(json.toString()).contains("not imported");
        assertThat(json).exists();
        assertThat(store.count()).isZero();
    }

    @Test
    void aFailedWriteIsReportedWithTheDatabaseAndLaterWritesGoOn() {
        SqlRunStore store = open();
        RunRecord broken = new RunRecord("bad", null, null, null, RunRecord.SUCCESS, T0, null, null, null, null,
                null, null, null, null, null, List.of()); // no task name: the table refuses it

        assertThatThrownBy(() -> store.save(List.of(broken)).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RunStoreException.class).hasMessageContaining(store.databaseName());
        assertThat(store.warnings()).singleElement().asString().contains(store.databaseName());

        store.save(List.of(ended("good", "t", 1))).join();
        assertThat(store.find("good")).isPresent();
        assertThat(store.warnings()).isEmpty();
    }

    @Test
    void closingWritesWhatWaitsAndRefusesLaterSaves() {
        SqlRunStore store = open();
        CompletableFuture<Void> saved = store.save(List.of(ended("last", "t", 1)));
        store.close();

        assertThat(saved).isCompleted();
        assertThat(store.save(List.of(ended("late", "t", 2)))).isCompletedExceptionally();
        assertThat(open().find("last")).isPresent();
    }

    @Test
    void latestIsTheNewestRunOfEachNamedTaskAsStoredPrerequisiteRunsIncluded() {
        SqlRunStore store = open();
        RunRecord a3 = running("a3", "a", 3, "intake", "run");
        // b2 is a prerequisite run of task b, nested in p1 and submitted after b1: b's newest run all the same.
        RunRecord prerequisite = new RunRecord("b2", "b", "p1", "dependency", RunRecord.SUCCESS,
                T0.plusSeconds(9), T0.plusSeconds(9), T0.plusSeconds(10), null, null, null, null, null, null, null,
                List.of());
        store.save(List.of(ended("a1", "a", 1), ended("a2", "a", 2), a3, ended("b1", "b", 4), ended("p1", "p", 8),
                prerequisite, ended("z1", "z", 20))).join();

        Map<String, RunRecord> latest = store.latest(List.of("a", "b", "c", "a"), null);

        assertThat(latest).containsOnlyKeys("a", "b");
        assertThat(latest.get("a")).isEqualTo(a3);
        assertThat(latest.get("b")).isEqualTo(prerequisite);
        assertThat(store.latest(List.of(), null)).isEmpty();
    }

    @Test
    void latestBreaksATieOnSubmissionByTheGreaterRunIdAndFiltersByUser() {
        SqlRunStore store = open();
        RunRecord mine = ended("m1", "t", 1);
        RunRecord other = new RunRecord("o1", "t", null, "api", RunRecord.ERROR, T0.plusSeconds(5), null, null, null,
                "other-hash", null, null, null, "boom", null, List.of());
        store.save(List.of(mine, other, ended("x1", "tie", 7), ended("x2", "tie", 7))).join();

        assertThat(store.latest(List.of("t", "tie"), null)).extractingByKeys("t", "tie")
                .extracting(RunRecord::runId).containsExactly("o1", "x2");
        assertThat(store.latest(List.of("t"), "u-hash")).extractingByKey("t").extracting(RunRecord::runId)
                .isEqualTo("m1");
        assertThat(store.latest(List.of("t"), "nobody")).isEmpty();
    }

    @Test
    void latestOfManyTasksTakesTheNewestOfEach() {
        SqlRunStore store = open(100_000, null);
        List<RunRecord> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int task = 0; task < 1_200; task++) {
            names.add("task-" + task);
            for (int run = 0; run < 3; run++) {
                runs.add(ended("r-" + task + "-" + run, "task-" + task, run * 10 + task % 7));
            }
        }
        store.save(runs).join();

        Map<String, RunRecord> latest = store.latest(names, null);

        assertThat(latest).hasSize(1_200);
        assertThat(latest.get("task-0").runId()).isEqualTo("r-0-2");
        assertThat(latest.get("task-1199").runId()).isEqualTo("r-1199-2");
    }

    Path writeLegacy(List<RunRecord> records) throws Exception {
        Path json = folder.resolve("runs.json");
        Files.write(json, RunRecordsJson.write(records));
        return json;
    }

    static RunQuery query(String task, Set<String> statuses, String trigger) {
        return new RunQuery(task, statuses, trigger, null, null, 0, 100);
    }

    static List<String> ids(List<RunRecord> records) {
        return records.stream().map(RunRecord::runId).toList();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
