package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;

class StageLogTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String USER = "a1".repeat(32);
    private static final String GROUP = "b2".repeat(32);

    private final AtomicInteger changes = new AtomicInteger();

    private StageLog log(int retention) {
        return new StageLog(retention, changes::incrementAndGet);
    }

    private static Object load(byte[] yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> entry(Object... keysAndValues) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entry.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return entry;
    }

    @Test
    void aStageUpdateIsKeptUnderTheTaskNameWithItsIdentity() {
        StageLog log = log(100);

        log.accept(new StageUpdate("report", "intake", "r1", USER, GROUP, T0));

        List<Map<String, Object>> events = log.events("report");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsExactly(
                Map.entry("stage", "intake"),
                Map.entry("time", "2024-05-01T10:00:00Z"),
                Map.entry("user_hash", USER),
                Map.entry("group_hash", GROUP),
                Map.entry("run_id", "r1"));
        assertThat(log.events("report:audit")).isEmpty();
    }

    @Test
    void aStageUpdateOutsideARunHasOnlyStageAndTime() {
        StageLog log = log(100);

        log.accept(new StageUpdate("report", "paused", null, null, null, T0));

        assertThat(log.events("report")).containsExactly(entry("stage", "paused", "time", "2024-05-01T10:00:00Z"));
        assertThat(log.events("report").get(0)).doesNotContainKeys("user_hash", "group_hash", "run_id");
    }

    @Test
    void anAuditEventIsKeptUnderTheAuditKeyWithStatusReasonAndOutput() {
        StageLog log = log(100);

        log.accept(new AuditEvent("report", "run", AuditEvent.ERROR, "database unreachable", "0 rows", "r1", USER,
                GROUP, T0));

        assertThat(log.events("report:audit")).hasSize(1);
        assertThat(log.events("report:audit").get(0)).containsExactly(
                Map.entry("stage", "run"),
                Map.entry("time", "2024-05-01T10:00:00Z"),
                Map.entry("status", "error"),
                Map.entry("reason", "database unreachable"),
                Map.entry("output", "0 rows"),
                Map.entry("user_hash", USER),
                Map.entry("group_hash", GROUP),
                Map.entry("run_id", "r1"));
        assertThat(log.events("report")).isEmpty();
    }

    @Test
    void anAuditEventLeavesOutWhatIsMissing() {
        StageLog log = log(100);

        log.accept(new AuditEvent("report", "intake", AuditEvent.STARTED, null, null, "r1", USER, null, T0));

        assertThat(log.events("report:audit")).containsExactly(entry("stage", "intake",
                "time", "2024-05-01T10:00:00Z", "status", "started", "user_hash", USER, "run_id", "r1"));
    }

    @Test
    void taskSpecAndTaskRunEventsAreNotKept() {
        StageLog log = log(100);

        log.accept(new TaskSpecEvent("report", "intake", "r1", USER, GROUP, T0));
        log.accept(new TaskRunEvent("report", "r1", null, "success", null, null, "ok", T0, T0, USER, GROUP));

        assertThat(log.events("report")).isEmpty();
        assertThat(log.events("report:audit")).isEmpty();
        assertThat(load(log.snapshot())).isEqualTo(Map.of());
        assertThat(changes).hasValue(0);
    }

    @Test
    void everyKeptEventIsReportedAsAChange() {
        StageLog log = log(100);

        log.accept(new StageUpdate("report", "intake", "r1", USER, GROUP, T0));
        log.accept(new AuditEvent("report", "intake", "started", null, null, "r1", USER, GROUP, T0));

        assertThat(changes).hasValue(2);
    }

    @Test
    void eventsKeepTheirOrderAndRetentionKeepsTheNewestPerKey() {
        StageLog log = log(3);
        for (int i = 1; i <= 5; i++) {
            log.accept(new StageUpdate("a", "stage" + i, "r" + i, null, null, T0.plusSeconds(i)));
            log.accept(new AuditEvent("a", "stage" + i, "success", null, null, "r" + i, null, null,
                    T0.plusSeconds(i)));
        }
        log.accept(new StageUpdate("b", "only1", "x", null, null, T0));
        log.accept(new StageUpdate("b", "only2", "x", null, null, T0));

        assertThat(log.events("a")).extracting(e -> e.get("stage")).containsExactly("stage3", "stage4", "stage5");
        assertThat(log.events("a:audit")).extracting(e -> e.get("stage"))
                .containsExactly("stage3", "stage4", "stage5");
        assertThat(log.events("b")).extracting(e -> e.get("stage")).containsExactly("only1", "only2");
    }

    @Test
    void theSnapshotIsYamlInTheOriginalShape() {
        StageLog log = log(100);
        log.accept(new StageUpdate("report", "intake", "r1", USER, GROUP, T0));
        log.accept(new AuditEvent("report", "intake", "success", null, "résumé ✓", "r1", USER, GROUP,
                T0.plusSeconds(1)));
        log.accept(new StageUpdate("other", "paused", null, null, null, T0.plusSeconds(2)));

        byte[] yaml = log.snapshot();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("report", List.of(entry("stage", "intake", "time", "2024-05-01T10:00:00Z",
                "user_hash", USER, "group_hash", GROUP, "run_id", "r1")));
        expected.put("report:audit", List.of(entry("stage", "intake", "time", "2024-05-01T10:00:01Z",
                "status", "success", "output", "résumé ✓", "user_hash", USER, "group_hash", GROUP, "run_id", "r1")));
        expected.put("other", List.of(entry("stage", "paused", "time", "2024-05-01T10:00:02Z")));
        assertThat(load(yaml)).isEqualTo(expected);
        String text = new String(yaml, StandardCharsets.UTF_8);
        assertThat(text).contains("résumé ✓").doesNotContain("{").startsWith("report:");
    }

    @Test
    void timesAndHashesThatLookLikeOtherTypesStayStringsInTheSnapshot() {
        StageLog log = log(100);
        log.accept(new StageUpdate("report", "intake", "123", "0123", "1e10", T0));

        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> loaded = (Map<String, List<Map<String, Object>>>) load(
                log.snapshot());

        assertThat(loaded.get("report").get(0)).containsExactly(
                Map.entry("stage", "intake"),
                Map.entry("time", "2024-05-01T10:00:00Z"),
                Map.entry("user_hash", "0123"),
                Map.entry("group_hash", "1e10"),
                Map.entry("run_id", "123"));
    }

    @Test
    void restoreThenSnapshotRoundTrips() {
        Map<String, List<Map<String, Object>>> stored = new LinkedHashMap<>();
        stored.put("report", List.of(
                entry("stage", "intake", "time", "2024-05-01T10:00:00Z", "user_hash", USER, "run_id", "r1"),
                entry("stage", "run", "time", "2024-05-01T10:00:01Z", "user_hash", USER, "run_id", "r1")));
        stored.put("report:audit", List.of(entry("stage", "run", "time", "2024-05-01T10:00:02Z",
                "status", "error", "reason", "boom", "run_id", "r1")));
        StageLog log = log(100);

        log.restore(stored);

        assertThat(log.events("report")).isEqualTo(stored.get("report"));
        assertThat(log.events("report:audit")).isEqualTo(stored.get("report:audit"));
        assertThat(load(log.snapshot())).isEqualTo(stored);
    }

    @Test
    void newEventsAreAddedAfterRestoredOnesWithinTheRetention() {
        Map<String, List<Map<String, Object>>> stored = Map.of("report", List.of(
                entry("stage", "old1", "time", "2024-01-01T00:00:00Z"),
                entry("stage", "old2", "time", "2024-01-01T00:00:01Z")));
        StageLog log = log(2);
        log.restore(stored);

        log.accept(new StageUpdate("report", "new", "r9", null, null, T0));

        assertThat(log.events("report")).extracting(e -> e.get("stage")).containsExactly("old2", "new");
    }

    @Test
    void restoringMoreThanTheRetentionKeepsTheNewest() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(entry("stage", "s" + i, "time", "2024-01-01T00:00:0" + i + "Z"));
        }
        StageLog log = log(4);

        log.restore(Map.of("report", many));

        assertThat(log.events("report")).extracting(e -> e.get("stage")).containsExactly("s6", "s7", "s8", "s9");
    }

    @Test
    void concurrentEventsAreAllKept() throws Exception {
        StageLog log = log(100_000);
        int threads = 4;
        int perThread = 1_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        log.accept(new StageUpdate("shared", "s", id + "-" + i, null, null, T0));
                        log.accept(new AuditEvent("own" + id, "s", "success", null, null, id + "-" + i, null, null,
                                T0));
                        if (i % 250 == 0) {
                            log.snapshot(); // a writer thread taking snapshots meanwhile must not break anything
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(log.events("shared")).hasSize(threads * perThread);
        for (int thread = 0; thread < threads; thread++) {
            assertThat(log.events("own" + thread + ":audit")).hasSize(perThread);
        }
        assertThat(changes).hasValue(threads * perThread * 2);
    }
}
