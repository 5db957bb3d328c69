package io.cascadence.core.impl.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunRejectedException;
import io.cascadence.core.impl.pipeline.RunControl;

class AdmissionTest {

    private final AtomicInteger max = new AtomicInteger(1);
    private final AtomicInteger capacity = new AtomicInteger(2);
    private final Admission admission = new Admission(max::get, capacity::get);

    private static Execution execution(String id) {
        return new Execution(id, "task", null, new RunControl(), Duration.ZERO);
    }

    private Execution admitted(String id, boolean startsNow) {
        Execution execution = execution(id);
        admission.reserve();
        assertThat(admission.admit(execution)).isEqualTo(startsNow);
        return execution;
    }

    @Test
    void runsTakeSlotsThenWaitInOrderAndBeyondTheQueueAreRefused() {
        Execution first = admitted("a", true);
        Execution second = admitted("b", false);
        Execution third = admitted("c", false);

        assertThatThrownBy(admission::reserve).isInstanceOf(RunRejectedException.class)
                .hasMessage("Too many runs: 1 running (max_concurrent_runs = 1) and 2 waiting "
                        + "(run_queue_capacity = 2); try again later");
        assertThat(admission.release(first)).isSameAs(second);
        assertThat(admission.release(first)).as("releasing twice frees nothing twice").isNull();
        assertThat(admission.release(second)).isSameAs(third);
        assertThat(admission.release(third)).isNull();
        assertThat(admission.queued()).isZero();
    }

    @Test
    void aReservationCountsUntilItIsAdmittedOrGivenUp() {
        max.set(1);
        capacity.set(0);
        admission.reserve();

        assertThatThrownBy(admission::reserve).isInstanceOf(RunRejectedException.class);
        admission.unreserve();
        admitted("a", true);
    }

    @Test
    void aWaitingRunThatEndsLeavesTheQueueWithoutTakingASlot() {
        Execution running = admitted("a", true);
        Execution waiting = admitted("b", false);
        Execution last = admitted("c", false);

        assertThat(admission.release(waiting)).isNull();
        assertThat(admission.queued()).isEqualTo(1);
        assertThat(admission.release(running)).isSameAs(last);
    }

    @Test
    void aLoweredLimitHoldsTheQueueUntilRunsFallBelowIt() {
        max.set(2);
        Execution first = admitted("a", true);
        Execution second = admitted("b", true);
        Execution waiting = admitted("c", false);
        max.set(1);

        assertThat(admission.release(first)).isNull();
        assertThat(admission.queued()).isEqualTo(1);
        assertThat(admission.release(second)).isSameAs(waiting);
    }

    @Test
    void onceStoppingNothingIsReservedAndNothingWaitingStarts() {
        Execution running = admitted("a", true);
        admitted("b", false);
        admission.stop();

        assertThatThrownBy(admission::reserve).isInstanceOfSatisfying(RunRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.STOPPING));
        assertThat(admission.release(running)).isNull();
    }

    @Test
    void aRunEndedWhileItsRecordWasWrittenIsNotAdmitted() {
        Execution ended = execution("a");
        admission.reserve();
        ended.control.end("interrupted", "stopped");

        assertThat(admission.admit(ended)).isFalse();
        assertThat(admission.queued()).isZero();
        admitted("b", true);
    }
}
