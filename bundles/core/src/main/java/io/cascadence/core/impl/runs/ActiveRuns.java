package io.cascadence.core.impl.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.cascadence.api.RunRecord;
import io.cascadence.api.Trigger;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.core.impl.events.EventSink;

/**
 * The records of the runs in progress, built from their events. A run is known from the moment it is accepted
 * ({@link #begin}) until its record has been stored ({@link #forget}); its nested runs appear with their first
 * event. Events of runs it does not know (a run that was ended from outside and forgotten, whose stage returned
 * later) change nothing, so memory holds only what is in progress.
 */
public final class ActiveRuns implements EventSink {

    private final Map<String, LiveRun> runs = new ConcurrentHashMap<>();
    private final Consumer<RunRecord> stageEnded;

    /** @param stageEnded told the record of a top-level run each time one of its stages ends */
    public ActiveRuns(Consumer<RunRecord> stageEnded) {
        this.stageEnded = stageEnded;
    }

    /** A run was accepted: its record as it is now (queued). */
    public void begin(RunRecord record) {
        begin(record, 0);
    }

    /**
     * A run was accepted that first runs {@code prerequisites} tasks as its nested runs {@code .1} to
     * {@code .prerequisites}: their records carry the trigger {@code dependency}.
     */
    public void begin(RunRecord record, int prerequisites) {
        runs.put(record.runId(), new LiveRun(record, prerequisites));
    }

    /** A queued run got a worker: from now on it is running. */
    public void dispatched(String runId, Instant at) {
        LiveRun run = runs.get(runId);
        if (run != null) {
            run.dispatched(at);
        }
    }

    @Override
    public void accept(CascadenceEvent event) {
        String runId = event.runId();
        if (runId == null) {
            return;
        }
        if (event instanceof AuditEvent audit) {
            LiveRun run = runOrChild(runId, audit.taskName(), audit.time());
            if (run != null) {
                run.stage(audit);
                if (run.parentRunId() == null && !AuditEvent.STARTED.equals(audit.status())) {
                    RunRecord record = run.record();
                    if (!record.ended()) {
                        stageEnded.accept(record);
                    }
                }
            }
        } else if (event instanceof TaskRunEvent finished) {
            LiveRun run = runOrChild(runId, finished.taskName(), finished.startedAt());
            if (run != null) {
                run.finish(finished);
            }
        }
    }

    public Optional<RunRecord> find(String runId) {
        LiveRun run = runId == null ? null : runs.get(runId);
        return Optional.ofNullable(run).map(LiveRun::record);
    }

    /**
     * How many runs of each task, nested runs included, are queued or running, of one user's ({@code userHash}) or
     * of everyone's ({@code null}); tasks with none are not keys.
     */
    public Map<String, Integer> inProgress(String userHash) {
        Map<String, Integer> counts = new HashMap<>();
        for (LiveRun run : runs.values()) {
            if (run.inProgress() && (userHash == null || userHash.equals(run.userHash()))) {
                counts.merge(run.taskName(), 1, Integer::sum);
            }
        }
        return Map.copyOf(counts);
    }

    /** Whether the run is in progress (or ended and not yet stored). */
    public boolean contains(String runId) {
        return runs.containsKey(runId);
    }

    /** The nested runs of a run in progress that have started, in plan order. */
    public List<RunRecord> children(String runId) {
        String prefix = runId + ".";
        return runs.values().stream()
                .filter(r -> r.runId().startsWith(prefix) && r.runId().indexOf('.', prefix.length()) < 0)
                .map(LiveRun::record)
                .sorted(Comparator.comparingLong(r -> placeInPlan(r.runId())))
                .toList();
    }

    /**
     * The records of a run and of all its nested runs, nested ones first, ready to be stored. Records still open
     * (a nested run that was going on when its top-level run was ended from outside) are ended as
     * {@code endStatus} with {@code reason}.
     */
    public List<RunRecord> tree(String runId, String endStatus, String reason, Instant at) {
        String prefix = runId + ".";
        List<LiveRun> members = new ArrayList<>();
        runs.values().stream().filter(r -> r.runId().startsWith(prefix)).forEach(members::add);
        members.sort(Comparator.comparingInt((LiveRun r) -> -depth(r.runId()))
                .thenComparing(r -> r.runId().substring(0, r.runId().lastIndexOf('.')))
                .thenComparingLong(r -> placeInPlan(r.runId())));
        LiveRun root = runs.get(runId);
        if (root != null) {
            members.add(root);
        }
        List<RunRecord> records = new ArrayList<>(members.size());
        for (LiveRun member : members) {
            if (endStatus != null) {
                member.endIfOpen(endStatus, reason, at);
            }
            records.add(member.record());
        }
        return records;
    }

    /** Drops a stored run and its nested runs. */
    public void forget(String runId) {
        String prefix = runId + ".";
        runs.remove(runId);
        runs.keySet().removeIf(id -> id.startsWith(prefix));
    }

    /** How many records are held (runs in progress with their nested runs). */
    public int size() {
        return runs.size();
    }

    /** A nested run appears with its first event, while its top-level run is known. */
    private LiveRun runOrChild(String runId, String taskName, Instant at) {
        LiveRun run = runs.get(runId);
        if (run != null) {
            return run;
        }
        int dot = runId.lastIndexOf('.');
        LiveRun parent = dot < 0 ? null : runs.get(runId.substring(0, dot));
        if (parent == null) {
            return null;
        }
        RunRecord parentRecord = parent.record();
        String trigger = placeInPlan(runId) <= parent.prerequisites() ? Trigger.DEPENDENCY.name()
                : parentRecord.trigger();
        RunRecord child = new RunRecord(runId, taskName, parentRecord.runId(), trigger,
                RunRecord.RUNNING, at, at, null, parentRecord.dueAt(), parentRecord.userHash(),
                parentRecord.groupHash(), null, null, null, null, List.of());
        return runs.computeIfAbsent(runId, id -> new LiveRun(child));
    }

    private static int depth(String runId) {
        return (int) runId.chars().filter(c -> c == '.').count();
    }

    /** A nested run's N in {@code parent.N}: its place in the parent's plan, whatever order they started in. */
    static long placeInPlan(String runId) {
        try {
            return Long.parseLong(runId.substring(runId.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
