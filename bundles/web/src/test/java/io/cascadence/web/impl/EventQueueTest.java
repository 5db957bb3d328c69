package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static EventMessage message(int n) {
        return new EventMessage("stage", "r" + n, null, new byte[] {(byte) n});
    }

    @Test
    void messagesAreTakenInOrderInBatches() throws Exception {
        EventQueue queue = new EventQueue(10);
        for (int i = 0; i < 5; i++) {
            queue.offer(message(i));
        }

        assertThat(queue.take(3, 0, TimeUnit.MILLISECONDS).messages()).extracting(EventMessage::runId)
                .containsExactly("r0", "r1", "r2");
        assertThat(queue.take(3, 0, TimeUnit.MILLISECONDS).messages()).extracting(EventMessage::runId)
                .containsExactly("r3", "r4");
        assertThat(queue.take(3, 10, TimeUnit.MILLISECONDS).isEmpty()).isTrue();
    }

    @Test
    void aClientThatFallsBehindLosesWhatWaitsIsToldHowManyFirstAndGoesOn() throws Exception {
        EventQueue queue = new EventQueue(3);
        for (int i = 0; i < 5; i++) { // r0..r2 fill it; r3 finds it full and clears it; r4 waits behind r3
            queue.offer(message(i));
        }

        EventQueue.Taken lagged = queue.take(100, 0, TimeUnit.MILLISECONDS);
        assertThat(lagged.dropped()).isEqualTo(3);
        assertThat(lagged.messages()).isEmpty();
        assertThat(queue.take(100, 0, TimeUnit.MILLISECONDS).messages()).extracting(EventMessage::runId)
                .containsExactly("r3", "r4");
        assertThat(queue.take(100, 0, TimeUnit.MILLISECONDS).dropped()).isZero();
    }

    @Test
    void dropsAddUpUntilTheClientIsTold() throws Exception {
        EventQueue queue = new EventQueue(2);
        for (int i = 0; i < 7; i++) { // clears at r2 (2 dropped), at r4 (2), at r6 (2)
            queue.offer(message(i));
        }

        assertThat(queue.take(100, 0, TimeUnit.MILLISECONDS).dropped()).isEqualTo(6);
        assertThat(queue.take(100, 0, TimeUnit.MILLISECONDS).messages()).extracting(EventMessage::runId)
                .containsExactly("r6");
    }

    @Test
    void closingEndsAWaitAtOnceAndRefusesMore() throws Exception {
        EventQueue queue = new EventQueue(2);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            queue.close();
        });
        closer.start();
        long started = System.nanoTime();

        EventQueue.Taken taken = queue.take(10, 10, TimeUnit.SECONDS);

        assertThat(taken.isEmpty()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(5);
        queue.offer(message(1));
        assertThat(queue.size()).isZero();
        closer.join();
    }
}
