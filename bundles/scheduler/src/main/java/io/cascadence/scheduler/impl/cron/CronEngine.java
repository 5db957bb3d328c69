package io.cascadence.scheduler.impl.cron;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.scheduler.impl.cron.FireDispatcher.Step;
import io.cascadence.scheduler.impl.cron.FireTarget.Fire;
import io.cascadence.scheduler.impl.cron.FireTarget.Kind;

/**
 * Decides when cron schedules fire, one schedule per task, and applies their misfire and overlap policies; the
 * {@link FireTarget} starts the runs. Schedules wait in a queue ordered by next fire time with one {@link Timer}
 * armed for the earliest; a wake-up takes every entry that is due, hands the fires to the fire executor first and
 * only then computes the entries' next fire times, so that computing never delays a fire.
 *
 * <p>A fire handed over later than {@link EngineSettings#misfireThreshold()} after its due time (the machine was
 * suspended, the clock jumped, the engine was inactive) is missed and follows its schedule's {@link MisfirePolicy},
 * as do fires due between the last watermark and {@link #start}. The engine reports through its watermark consumer
 * the instant up to which every due fire has been handed over; the owner persists it and gives it back to
 * {@link #start} after a restart.
 *
 * <p>Fire times are computed in each schedule's zone, or in the scheduler zone ({@link ZoneOffset#UTC} until
 * {@link #setSchedulerZone} says otherwise). All methods are thread-safe.
 */
public final class CronEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CronEngine.class);

    /** Fires handed over together: the fire thread starts on the first ones while the rest are being prepared. */
    private static final int HAND_OVER_CHUNK = 256;

    /** A queue entry taken out for hand-over, with the schedule and version it was taken under. */
    private record NextKey(CronExpression expression, ZoneId zone, Instant after) {
    }

    private record Taken(TaskSlot slot, Schedule schedule, Instant due, long version) {
    }

    private final Clock clock;
    private final Timer timer;
    private final EngineSettings settings;
    private final FireDispatcher dispatcher;
    private final Map<String, TaskSlot> slots = new HashMap<>();
    private final TreeSet<TaskSlot.Entry> queue = new TreeSet<>();
    private long sequence;
    private ZoneId zone = ZoneOffset.UTC;
    private boolean started;
    private boolean active = true;
    private boolean stopped;
    private Timer.Cancellable armed;
    private Instant armedAt;
    private Instant watermark;
    private Instant restoredFrom;
    /** While a wake-up hands fires over, the earliest due time it took; else {@code null}. */
    private Instant inFlight;
    private Function<String, Optional<Instant>> lastDueOf = task -> Optional.empty();

    /** An engine whose progress is not persisted (every start is a first start). */
    public CronEngine(Clock clock, Timer timer, Executor fireExecutor, FireTarget target, EngineSettings settings) {
        this(clock, timer, fireExecutor, target, settings, handedUpTo -> { });
    }

    /**
     * @param fireExecutor runs the hand-overs to {@code target}, so that a slow {@link FireTarget#fire} never holds
     *        the timer; hand-overs are serialised on it, in due order
     * @param watermark told, on the fire executor, each instant up to which every due fire has been handed over
     *        (once per wake-up, never going back); it should persist it cheaply (coalesced)
     */
    public CronEngine(Clock clock, Timer timer, Executor fireExecutor, FireTarget target, EngineSettings settings,
            Consumer<Instant> watermark) {
        this.clock = clock;
        this.timer = timer;
        this.settings = settings;
        this.dispatcher = new FireDispatcher(clock, fireExecutor, target, watermark);
    }

    /**
     * Adds the schedule of {@code schedule.taskName()}, or replaces it; its next fire is computed from now. A
     * replaced schedule keeps its task's overlap bookkeeping (a run still running still counts).
     */
    public void put(Schedule schedule) {
        put(schedule, false);
    }

    /**
     * Adds or replaces a schedule, as {@link #put(Schedule)}; with {@code restore}, a schedule that existed before
     * this start and is armed only now (its task's plugin came up after the engine started) first catches up the
     * fires it missed since the watermark {@link #start} was given, as {@code start} does for the schedules it finds.
     */
    public void put(Schedule schedule, boolean restore) {
        List<Step> steps = List.of();
        synchronized (this) {
            boolean added = !slots.containsKey(schedule.taskName());
            TaskSlot slot = slots.computeIfAbsent(schedule.taskName(), name -> new TaskSlot(schedule));
            slot.schedule = schedule;
            Instant now = clock.instant();
            if (restore && added && started && !stopped && restoredFrom != null) {
                Instant after = caughtUpFrom(schedule, restoredFrom, now);
                if (active) {
                    steps = missed(slot, zone, after, now);
                    reschedule(slot, now);
                } else {
                    reschedule(slot, after.isBefore(now) ? after : now);
                }
            } else {
                reschedule(slot, now);
            }
            rearm();
        }
        if (!steps.isEmpty()) {
            dispatcher.submit(steps, null);
        }
    }

    /**
     * Moves the watermark to now when no fire is due before now, so that it says how far the engine has looked even
     * when nothing fires for a long time (a schedule created later then never catches up fires from before it
     * existed). Does nothing while not firing: fires missed then are still to be caught up. The owner calls it
     * about once a second.
     */
    public void tick() {
        Instant progress;
        synchronized (this) {
            if (!firing()) {
                return;
            }
            Instant now = clock.instant();
            progress = !queue.isEmpty() && !queue.first().due().isAfter(now) ? queue.first().due().minusNanos(1)
                    : now;
            if (inFlight != null && !progress.isBefore(inFlight)) {
                progress = inFlight.minusNanos(1); // a wake-up is handing fires over: not past the first of them
            }
            if (watermark != null && !progress.isAfter(watermark)) {
                return;
            }
            watermark = progress;
        }
        dispatcher.submit(List.of(), progress);
    }

    /** Removes a task's schedule; a fire of it waiting for the previous run is reported skipped. No-op if absent. */
    public void remove(String taskName) {
        Fire dropped;
        synchronized (this) {
            TaskSlot slot = slots.remove(taskName);
            if (slot == null) {
                return;
            }
            slot.version++;
            unqueue(slot);
            rearm();
            dropped = slot.gate.discardWaiting();
        }
        if (dropped != null) {
            dispatcher.reportLater(dropped, "its schedule was removed while it waited for the previous run");
        }
    }

    /** The zone for schedules without their own; their next fires are recomputed from now. */
    public synchronized void setSchedulerZone(ZoneId schedulerZone) {
        if (schedulerZone.equals(zone)) {
            return;
        }
        zone = schedulerZone;
        Instant now = clock.instant();
        for (TaskSlot slot : slots.values()) {
            if (slot.schedule.zone() == null) {
                reschedule(slot, now);
            }
        }
        rearm();
    }

    /**
     * While inactive nothing fires. On re-activation, every fire that came due meanwhile was missed and follows its
     * schedule's misfire policy, however recent: the backend did not run schedules when it was due.
     */
    public void setActive(boolean isActive) {
        List<Step> steps = new ArrayList<>();
        synchronized (this) {
            boolean resuming = isActive && !active && started && !stopped;
            active = isActive;
            if (resuming) {
                Instant now = clock.instant();
                for (TaskSlot slot : slots.values()) {
                    if (slot.entry != null && !slot.entry.due().isAfter(now)) {
                        steps.addAll(missed(slot, zone, slot.entry.due().minusNanos(1), now));
                        reschedule(slot, now);
                    }
                }
            }
            rearm();
        }
        if (!steps.isEmpty()) {
            steps.sort(Comparator.comparing(Step::due));
            dispatcher.submit(steps, null);
        }
    }

    /**
     * Starts firing, once. Each schedule's fires due after {@code lastChecked} and after the last run recorded for
     * its task, up to now, were missed and follow its misfire policy (catch-ups go to the target at once, oldest
     * first); then it fires from now on. If the engine is inactive, they are handled on activation instead.
     *
     * @param lastChecked the last watermark persisted, or {@code null} on a first start: nothing is caught up
     * @param lastDueOf the due time of the latest cron run already recorded for a task, so that a fire submitted
     *        after the last watermark write is not run twice
     * @throws IllegalStateException when already started or stopped
     */
    public void start(Instant lastChecked, Function<String, Optional<Instant>> lastDueOf) {
        List<Step> steps = new ArrayList<>();
        Instant now;
        synchronized (this) {
            if (started || stopped) {
                throw new IllegalStateException("the cron engine has already been "
                        + (stopped ? "stopped" : "started"));
            }
            started = true;
            restoredFrom = lastChecked;
            this.lastDueOf = lastDueOf;
            now = clock.instant();
            for (TaskSlot slot : slots.values()) {
                Instant after = lastChecked == null ? now : caughtUpFrom(slot.schedule, lastChecked, now);
                if (active) {
                    steps.addAll(missed(slot, zone, after, now));
                    reschedule(slot, now);
                } else {
                    reschedule(slot, after.isBefore(now) ? after : now);
                }
            }
            rearm();
            if (active) {
                watermark = now;
            }
        }
        steps.sort(Comparator.comparing(Step::due)); // stable: each schedule's catch-ups stay oldest first
        dispatcher.submit(steps, active ? now : null);
    }

    /** The next fire time of a task's schedule, or empty if it has none or never fires again. */
    public synchronized Optional<Instant> nextFire(String taskName) {
        TaskSlot slot = slots.get(taskName);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.next);
    }

    /** Stops for good: the timer is cancelled and nothing more is handed over; runs already started go on. */
    public synchronized void stop() {
        stopped = true;
        rearm();
        dispatcher.stop();
    }

    /**
     * Hands over every fire due by now, in chunks: each chunk is taken from the queue, handed over, and its next fire
     * times computed (once per expression, zone and instant: 10,000 schedules due together usually share one) and
     * queued, before the next chunk is taken, so the first fires go out without waiting for the last ones. While it
     * runs, {@link #tick} keeps the watermark below the fires it has not handed over yet.
     */
    private void wake() {
        Instant now;
        ZoneId zoneNow;
        synchronized (this) {
            armed = null;
            armedAt = null;
            if (!firing()) {
                return;
            }
            now = clock.instant();
            zoneNow = zone;
            if (queue.isEmpty() || queue.first().due().isAfter(now)) {
                rearm();
                return;
            }
            inFlight = queue.first().due();
        }
        Instant cutoff = now.minus(settings.misfireThreshold());
        Map<NextKey, Instant> nexts = new HashMap<>();
        for (List<Taken> taken = take(now); !taken.isEmpty(); taken = take(now)) {
            List<Step> steps = new ArrayList<>(taken.size());
            List<Instant> resumeAfters = new ArrayList<>(taken.size());
            for (Taken t : taken) {
                Instant resumeAfter;
                if (!t.due().isBefore(cutoff)) {
                    steps.add(Step.fire(t.slot().gate, t.schedule(), t.due(), Kind.ON_TIME));
                    resumeAfter = t.due();
                } else {
                    // Fires within the threshold of now are not missed: the entry comes back due and runs on time.
                    resumeAfter = cutoff.minusNanos(1);
                    LOG.info("Cron fires of {} from {} were handed over too late (now {}): misfire policy {}",
                            t.schedule().taskName(), t.due(), now, t.schedule().misfire().configName());
                    steps.addAll(missed(t.slot(), t.schedule(), zoneNow, t.due().minusNanos(1), resumeAfter));
                }
                resumeAfters.add(resumeAfter);
            }
            // Handed over first: the next fire times are for later, the fires are due now.
            dispatcher.submit(steps, null);
            List<Instant> next = new ArrayList<>(taken.size());
            for (int i = 0; i < taken.size(); i++) {
                Schedule schedule = taken.get(i).schedule();
                next.add(nexts.computeIfAbsent(new NextKey(schedule.expression(), schedule.effectiveZone(zoneNow),
                        resumeAfters.get(i)), key -> key.expression().nextAfter(key.after(), key.zone()).orElse(null)));
            }
            requeue(taken, next);
        }
        Instant handedUpTo;
        synchronized (this) {
            inFlight = null;
            rearm();
            handedUpTo = now;
            if (!queue.isEmpty() && !queue.first().due().isAfter(now)) {
                handedUpTo = queue.first().due().minusNanos(1); // that one is still to be handed over
            }
            if (watermark != null && !handedUpTo.isAfter(watermark)) {
                return;
            }
            watermark = handedUpTo;
        }
        dispatcher.submit(List.of(), handedUpTo);
    }

    /** Takes up to a chunk of the entries due by {@code now} out of the queue. */
    private synchronized List<Taken> take(Instant now) {
        List<Taken> taken = new ArrayList<>(HAND_OVER_CHUNK);
        while (taken.size() < HAND_OVER_CHUNK && firing() && !queue.isEmpty() && !queue.first().due().isAfter(now)) {
            TaskSlot slot = queue.pollFirst().slot();
            taken.add(new Taken(slot, slot.schedule, slot.entry.due(), slot.version));
            slot.entry = null;
        }
        return taken;
    }

    /** Puts taken entries back at their next fire times. */
    private synchronized void requeue(List<Taken> taken, List<Instant> next) {
        for (int i = 0; i < taken.size(); i++) {
            Taken t = taken.get(i);
            // A schedule replaced, removed or re-zoned meanwhile has been queued afresh by that change.
            if (slots.get(t.schedule().taskName()) == t.slot() && t.slot().version == t.version()) {
                enqueue(t.slot(), next.get(i));
            }
        }
    }

    /**
     * Where a restored schedule's missed fires start: after the watermark, and after the last fire its task's run
     * history records. The history is only asked when a fire was missed at all, so a start with 10,000 schedules
     * and nothing missed makes no query.
     */
    private Instant caughtUpFrom(Schedule schedule, Instant watermarkAt, Instant now) {
        Optional<Instant> firstMissed = schedule.nextAfter(watermarkAt, zone);
        if (firstMissed.isEmpty() || firstMissed.get().isAfter(now)) {
            return watermarkAt;
        }
        Optional<Instant> lastDue = lastDueOf.apply(schedule.taskName());
        return lastDue.isPresent() && lastDue.get().isAfter(watermarkAt) ? lastDue.get() : watermarkAt;
    }

    private List<Step> missed(TaskSlot slot, ZoneId in, Instant after, Instant until) {
        return missed(slot, slot.schedule, in, after, until);
    }

    private List<Step> missed(TaskSlot slot, Schedule schedule, ZoneId in, Instant after, Instant until) {
        int keep = schedule.misfire() == MisfirePolicy.RUN_ALL ? settings.maxCatchUp() : 0;
        return MissedFires.between(schedule, schedule.effectiveZone(in), after, until, keep)
                .steps(slot.gate, schedule, settings.maxCatchUp());
    }

    private boolean firing() {
        return started && active && !stopped;
    }

    private void reschedule(TaskSlot slot, Instant after) {
        slot.version++;
        unqueue(slot);
        enqueue(slot, slot.schedule.nextAfter(after, zone).orElse(null));
    }

    private void enqueue(TaskSlot slot, Instant due) {
        slot.next = due;
        if (due != null) {
            slot.entry = new TaskSlot.Entry(due, sequence++, slot);
            queue.add(slot.entry);
        }
    }

    private void unqueue(TaskSlot slot) {
        if (slot.entry != null) {
            queue.remove(slot.entry);
            slot.entry = null;
        }
    }

    /** Keeps one timer armed for the earliest entry while firing, none otherwise. */
    private void rearm() {
        Instant at = firing() && !queue.isEmpty() ? queue.first().due() : null;
        if (at != null && at.equals(armedAt)) {
            return;
        }
        if (armed != null) {
            armed.cancel();
        }
        armed = at == null ? null : timer.schedule(this::wake, at);
        armedAt = at;
    }
}
