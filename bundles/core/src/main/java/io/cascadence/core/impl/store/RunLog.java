package io.cascadence.core.impl.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.cascadence.api.RunHistory;
import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.core.impl.events.EventSink;

/**
 * The run history in memory, built from events: a record appears at a run's first stage and is completed by its
 * {@link TaskRunEvent}. It keeps the newest {@code retention} runs; older ones are forgotten first.
 */
public final class RunLog implements RunHistory, EventSink {

    private final int retention;
    private final Map<String, MutableRun> runs = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedDeque<String>> byTask = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<String>> byParent = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Runnable onChange;

    /** @param onChange told after every change, to schedule a write */
    public RunLog(int retention, Runnable onChange) {
        this.retention = retention;
        this.onChange = onChange;
    }

    @Override
    public void accept(CascadenceEvent event) {
        if (event.runId() == null) {
            return;
        }
        if (event instanceof AuditEvent audit) {
            run(audit.runId(), audit.taskName(), audit.userHash(), audit.groupHash(), audit.time()).stage(audit);
            onChange.run();
        } else if (event instanceof TaskRunEvent finished) {
            run(finished.runId(), finished.taskName(), finished.userHash(), finished.groupHash(),
                    finished.startedAt()).finish(finished);
            onChange.run();
        }
    }

    /** Puts back a record read from disk; the newest must come last. */
    public void restore(RunRecord record) {
        MutableRun run = new MutableRun(record);
        if (runs.putIfAbsent(record.runId(), run) == null) {
            index(run);
        }
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        MutableRun run = runId == null ? null : runs.get(runId);
        return Optional.ofNullable(run).map(MutableRun::record);
    }

    @Override
    public List<RunRecord> query(RunQuery query) {
        return forTask(query.taskName(), query.offset(), query.limit());
    }

    @Override
    public List<RunRecord> forTask(String taskName, int offset, int limit) {
        List<RunRecord> page = new ArrayList<>();
        ConcurrentLinkedDeque<String> ids = byTask.get(taskName);
        if (ids == null || limit <= 0) {
            return page;
        }
        int skipped = 0;
        for (Iterator<String> it = ids.iterator(); it.hasNext() && page.size() < limit;) {
            MutableRun run = runs.get(it.next());
            if (run == null) {
                it.remove(); // forgotten by retention
            } else if (skipped++ >= offset) {
                page.add(run.record());
            }
        }
        return page;
    }

    @Override
    public List<RunRecord> children(String runId) {
        ConcurrentLinkedQueue<String> ids = byParent.get(runId);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(runs::get).filter(r -> r != null).map(MutableRun::record)
                .sorted(Comparator.comparingLong(r -> placeInPlan(r.runId()))).toList();
    }

    /** How many runs are kept. */
    public int size() {
        return runs.size();
    }

    /** Every record, oldest first, for writing to disk. */
    public List<RunRecord> snapshot() {
        List<RunRecord> all = new ArrayList<>();
        for (String id : order) {
            MutableRun run = runs.get(id);
            if (run != null) {
                all.add(run.record());
            }
        }
        return all;
    }

    private MutableRun run(String runId, String taskName, String userHash, String groupHash, Instant startedAt) {
        MutableRun existing = runs.get(runId);
        if (existing != null) {
            return existing;
        }
        MutableRun created = new MutableRun(runId, taskName, parentOf(runId), null, userHash, groupHash, startedAt);
        MutableRun raced = runs.putIfAbsent(runId, created);
        if (raced != null) {
            return raced;
        }
        index(created);
        return created;
    }

    private void index(MutableRun run) {
        String runId = run.runId;
        order.add(runId);
        if (run.parentRunId == null) {
            byTask.computeIfAbsent(run.taskName, t -> new ConcurrentLinkedDeque<>()).addFirst(runId);
        } else {
            byParent.computeIfAbsent(run.parentRunId, p -> new ConcurrentLinkedQueue<>()).add(runId);
        }
        if (size.incrementAndGet() > retention) {
            forgetOldest();
        }
    }

    /** Drops the oldest run from every index, so that memory stays bounded however long the container runs. */
    private void forgetOldest() {
        String oldest = order.poll();
        MutableRun forgotten = oldest == null ? null : runs.remove(oldest);
        if (forgotten == null) {
            return;
        }
        size.decrementAndGet();
        byParent.remove(oldest);
        if (forgotten.parentRunId == null) {
            ConcurrentLinkedDeque<String> ids = byTask.get(forgotten.taskName);
            if (ids != null) {
                ids.removeLastOccurrence(oldest); // the oldest of its task, so found from the tail at once
            }
        } else {
            ConcurrentLinkedQueue<String> siblings = byParent.get(forgotten.parentRunId);
            if (siblings != null) {
                siblings.remove(oldest);
            }
        }
    }

    /** A nested run's N in {@code parent.N}: its place in the parent's plan, whatever order they started in. */
    private static long placeInPlan(String runId) {
        try {
            return Long.parseLong(runId.substring(runId.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Nested runs are named {@code parent.N}; a UUID has no dots. */
    private static String parentOf(String runId) {
        int dot = runId.lastIndexOf('.');
        return dot < 0 ? null : runId.substring(0, dot);
    }

    /** One run's record while it is being written to. */
    private static final class MutableRun {
        private final String runId;
        private final String taskName;
        private final String parentRunId;
        private final String trigger;
        private final String userHash;
        private final String groupHash;
        private final Instant startedAt;
        private final List<StageRecord> stages = new ArrayList<>();
        private String status = RunRecord.RUNNING;
        private Instant finishedAt;
        private String result;
        private String error;
        private String failedStage;

        MutableRun(String runId, String taskName, String parentRunId, String trigger, String userHash,
                String groupHash, Instant startedAt) {
            this.runId = runId;
            this.taskName = taskName;
            this.parentRunId = parentRunId;
            this.trigger = trigger;
            this.userHash = userHash;
            this.groupHash = groupHash;
            this.startedAt = startedAt;
        }

        MutableRun(RunRecord record) {
            this(record.runId(), record.taskName(), record.parentRunId(), record.trigger(), record.userHash(),
                    record.groupHash(), record.startedAt());
            stages.addAll(record.stages());
            status = record.status();
            finishedAt = record.finishedAt();
            result = record.result();
            error = record.error();
            failedStage = record.failedStage();
        }

        synchronized void stage(AuditEvent audit) {
            if (AuditEvent.STARTED.equals(audit.status())) {
                stages.add(new StageRecord(audit.stage(), audit.status(), audit.time(), null, null));
                return;
            }
            for (int i = stages.size() - 1; i >= 0; i--) {
                StageRecord open = stages.get(i);
                if (open.stage().equals(audit.stage()) && AuditEvent.STARTED.equals(open.status())) {
                    stages.set(i, new StageRecord(open.stage(), audit.status(), open.startedAt(), audit.time(),
                            audit.reason()));
                    return;
                }
            }
            stages.add(new StageRecord(audit.stage(), audit.status(), audit.time(), audit.time(), audit.reason()));
        }

        synchronized void finish(TaskRunEvent run) {
            status = "success".equals(run.status()) ? RunRecord.SUCCESS : RunRecord.ERROR;
            finishedAt = run.finishedAt();
            result = run.result();
            error = run.error();
            failedStage = run.stage();
        }

        synchronized RunRecord record() {
            return new RunRecord(runId, taskName, parentRunId, trigger, status, startedAt, startedAt, finishedAt,
                    null, userHash, groupHash, null, result, error, failedStage, stages);
        }
    }
}
