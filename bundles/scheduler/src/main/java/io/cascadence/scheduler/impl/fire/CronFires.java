package io.cascadence.scheduler.impl.fire;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.scheduler.impl.cron.FireTarget;

/**
 * Turns the cron engine's fires into runs: each fire becomes a {@link RunRequest} with trigger {@code cron} and its
 * due time, submitted to the {@code Scheduler} facade (so the configured backend, {@code cron} or {@code dag},
 * runs it), and is published as an audit event of stage {@code schedule}: {@code success} with the run id when a
 * run was accepted, {@code skipped} with the reason when not.
 *
 * <p>Submitting writes the run to the history before it returns, which takes a disk flush; fires are therefore
 * submitted on a pool of their own, so that 10,000 fires due at one instant share flushes instead of waiting for
 * one each in turn. {@link #safeWatermark} keeps the engine's watermark from passing a fire whose run is not
 * recorded yet, so a crash can lose no fire.
 */
public final class CronFires implements FireTarget {

    private static final Logger LOG = LoggerFactory.getLogger(CronFires.class);

    private final Function<RunRequest, RunHandle> submit;
    private final Executor submitter;
    private final Consumer<CascadenceEvent> publish;
    private final Clock clock;
    private final ConcurrentSkipListMap<Instant, AtomicInteger> unrecorded = new ConcurrentSkipListMap<>();

    /**
     * @param submit hands a request to the scheduler facade; returns once the run is recorded, or throws a
     *        {@link CascadenceException} when it is refused
     * @param submitter where submissions run (a pool; a direct executor in tests)
     */
    public CronFires(Function<RunRequest, RunHandle> submit, Executor submitter, Consumer<CascadenceEvent> publish,
            Clock clock) {
        this.submit = submit;
        this.submitter = submitter;
        this.publish = publish;
        this.clock = clock;
    }

    @Override
    public CompletionStage<?> fire(Fire fire) {
        CompletableFuture<Object> ended = new CompletableFuture<>();
        unrecorded.computeIfAbsent(fire.due(), due -> new AtomicInteger()).incrementAndGet();
        try {
            submitter.execute(() -> submit(fire, ended));
        } catch (RuntimeException e) {
            recorded(fire.due());
            skipped(fire, "the fire could not be submitted: " + e.getMessage());
            ended.complete(null);
        }
        return ended;
    }

    @Override
    public void skipped(Fire fire, String reason) {
        LOG.info("Cron fire of '{}' due {} skipped: {}", fire.taskName(), fire.due(), reason);
        publish.accept(new AuditEvent(fire.taskName(), "schedule", AuditEvent.SKIPPED, reason,
                "due " + fire.due(), null, null, null, clock.instant()));
    }

    /**
     * The instant the watermark may be written as: {@code handedUpTo}, or just before the earliest fire handed over
     * whose run is not recorded yet.
     */
    public Instant safeWatermark(Instant handedUpTo) {
        Optional<Instant> earliest = Optional.ofNullable(unrecorded.isEmpty() ? null : unrecorded.firstKey());
        return earliest.filter(due -> !due.isAfter(handedUpTo)).map(due -> due.minusNanos(1)).orElse(handedUpTo);
    }

    private void submit(Fire fire, CompletableFuture<Object> ended) {
        RunHandle handle;
        try {
            handle = submit.apply(new RunRequest(fire.taskName(), fire.schedule().identity(), null, Trigger.CRON,
                    fire.due(), null));
        } catch (CascadenceException e) {
            recorded(fire.due());
            skipped(fire, e.getMessage());
            ended.complete(null);
            return;
        } catch (RuntimeException e) {
            recorded(fire.due());
            LOG.warn("Cron fire of '{}' due {} failed to start", fire.taskName(), fire.due(), e);
            skipped(fire, "the run could not be started: " + e);
            ended.complete(null);
            return;
        }
        recorded(fire.due());
        publish.accept(new AuditEvent(fire.taskName(), "schedule", AuditEvent.SUCCESS, null,
                describe(fire), handle.runId(), null, null, clock.instant()));
        handle.completion().whenComplete((result, failure) -> ended.complete(null));
    }

    private void recorded(Instant due) {
        unrecorded.computeIfPresent(due, (key, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    private static String describe(Fire fire) {
        String kind = switch (fire.kind()) {
            case ON_TIME -> "fired";
            case CATCH_UP -> "caught up (missed fire)";
            case QUEUED -> "fired after the previous run ended (overlap queue_one)";
        };
        // The engine's lateness, not the run's: the run's record says when it started (lateness_ms).
        return kind + ": due " + fire.due() + ", handed over " + fire.lateness().toMillis() + " ms after it";
    }
}
