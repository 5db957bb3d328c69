package io.cascadence.scheduler.impl.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The real thread: only tasks due now, so that nothing waits on time passing. */
class ExecutorTimerTest {

    @Test
    void runsADueTaskOnItsNamedDaemonThread() throws Exception {
        try (ExecutorTimer timer = new ExecutorTimer(Clock.systemUTC(), "cascadence-cron-test")) {
            CompletableFuture<Thread> ran = new CompletableFuture<>();

            timer.schedule(() -> ran.complete(Thread.currentThread()), Clock.systemUTC().instant().minusSeconds(5));

            Thread thread = ran.get(10, TimeUnit.SECONDS);
            assertThat(thread.getName()).isEqualTo("cascadence-cron-test");
            assertThat(thread.isDaemon()).isTrue();
        }
    }

    @Test
    void aCancelledTaskDoesNotRunAndAFailingOneDoesNotStopTheThread() throws Exception {
        try (ExecutorTimer timer = new ExecutorTimer(Clock.systemUTC(), "cascadence-cron-test")) {
            CompletableFuture<String> ran = new CompletableFuture<>();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            // The first task holds the thread until the second has been cancelled.
            timer.schedule(() -> gate.join(), Duration.ZERO);
            Timer.Cancellable cancelled = timer.schedule(() -> ran.complete("cancelled one"), Duration.ZERO);
            timer.schedule(() -> {
                throw new IllegalStateException("a failing task");
            }, Duration.ZERO);
            timer.schedule(() -> ran.complete("last one"), Duration.ZERO);

            cancelled.cancel();
            gate.complete(null);

            assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("last one");
        }
    }
}
