package io.cascadence.core.impl.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventListener;
import io.cascadence.api.event.StageUpdate;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked thread fails, not hangs
class EventDispatcherTest {

    private final EventDispatcher dispatcher = new EventDispatcher(2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        dispatcher.close();
    }

    private static StageUpdate event(int n) {
        return new StageUpdate("job", "stage-" + n, "run-1", null, null, Instant.EPOCH);
    }

    /** A listener that hands what it gets, and on which thread, to the test. */
    private static final class Collecting implements EventListener {
        final BlockingQueue<CascadenceEvent> events = new LinkedBlockingQueue<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(CascadenceEvent event) {
            threads.add(Thread.currentThread());
            events.add(event);
        }

        CascadenceEvent next() throws InterruptedException {
            CascadenceEvent event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            return event;
        }
    }

    /** A listener that takes the first event and then holds its thread until {@link #release}. */
    private EventListener blockedListener(CountDownLatch entered) {
        return event -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void sinksGetEveryEventOnThePublishingThreadInOrder() {
        List<CascadenceEvent> first = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<CascadenceEvent> second = new CopyOnWriteArrayList<>();
        dispatcher.addSink(event -> {
            threads.add(Thread.currentThread());
            first.add(event);
        });
        dispatcher.addSink(second::add);

        dispatcher.publish(event(1));
        dispatcher.publish(event(2));

        assertThat(first).containsExactly(event(1), event(2));
        assertThat(second).containsExactly(event(1), event(2));
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void aThrowingSinkStopsNeitherTheOtherSinksNorThePublisher() {
        List<CascadenceEvent> received = new CopyOnWriteArrayList<>();
        dispatcher.addSink(event -> {
            throw new IllegalStateException("sink broke");
        });
        dispatcher.addSink(received::add);

        assertThatCode(() -> dispatcher.publish(event(1))).doesNotThrowAnyException();

        assertThat(received).containsExactly(event(1));
    }

    @Test
    void aRemovedSinkGetsNothingMore() {
        List<CascadenceEvent> received = new CopyOnWriteArrayList<>();
        EventSink sink = received::add;
        dispatcher.addSink(sink);
        dispatcher.publish(event(1));

        dispatcher.removeSink(sink);
        dispatcher.publish(event(2));

        assertThat(received).containsExactly(event(1));
    }

    @Test
    void aListenerGetsEventsInOrderOnAThreadOfItsOwn() throws Exception {
        EventDispatcher roomy = new EventDispatcher(100);
        Collecting listener = new Collecting();
        roomy.addListener(listener, "collector");
        try {
            IntStream.rangeClosed(1, 20).forEach(n -> roomy.publish(event(n)));

            for (int n = 1; n <= 20; n++) {
                assertThat(listener.next()).isEqualTo(event(n));
            }
            assertThat(listener.threads).doesNotContain(Thread.currentThread());
            assertThat(listener.threads.get(0).getName()).contains("collector");
            assertThat(roomy.dropped()).isZero();
        } finally {
            roomy.close();
        }
    }

    @Test
    void aListenerThatGoesAwayStillGetsWhatWasQueuedForIt() throws Exception {
        EventDispatcher roomy = new EventDispatcher(100);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        List<CascadenceEvent> got = new CopyOnWriteArrayList<>();
        EventListener slow = event -> {
            entered.countDown();
            try {
                go.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(event);
        };
        roomy.addListener(slow, "transport");
        try {
            IntStream.rangeClosed(1, 5).forEach(n -> roomy.publish(event(n)));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            roomy.removeListener(slow); // as the listener's bundle stops, with four events still queued

            assertThat(got).containsExactly(event(1), event(2), event(3), event(4), event(5));
        } finally {
            roomy.close();
        }
    }

    @Test
    void aListenerThatThrowsStillGetsTheNextEvents() throws Exception {
        Collecting collected = new Collecting();
        dispatcher.addListener(event -> {
            if (event.equals(event(1))) {
                throw new IllegalStateException("listener broke");
            }
            collected.onEvent(event);
        }, "flaky");

        dispatcher.publish(event(1));
        dispatcher.publish(event(2));

        assertThat(collected.next()).isEqualTo(event(2));
    }

    @Test
    void aBlockedListenerDoesNotHoldThePublisherAndItsOverflowIsCounted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        dispatcher.addListener(blockedListener(entered), "stuck");
        dispatcher.publish(event(0));
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the listener took the first event").isTrue();

        // The listener holds event 0; its queue of 2 takes events 1 and 2; events 3 to 7 do not fit.
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> IntStream.rangeClosed(1, 7).forEach(n -> dispatcher.publish(event(n))));

        assertThat(dispatcher.dropped()).isEqualTo(5);
    }

    @Test
    void aRemovedListenerGetsNothingMore() throws Exception {
        Collecting removed = new Collecting();
        Collecting staying = new Collecting();
        dispatcher.addListener(removed, "removed");
        dispatcher.addListener(staying, "staying");
        dispatcher.publish(event(1));
        assertThat(removed.next()).isEqualTo(event(1));

        dispatcher.removeListener(removed);
        dispatcher.publish(event(2));

        assertThat(staying.next()).isEqualTo(event(1));
        assertThat(staying.next()).isEqualTo(event(2));
        assertThat(removed.events.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void droppedEventsStayCountedAfterTheListenerIsRemoved() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        EventListener stuck = blockedListener(entered);
        dispatcher.addListener(stuck, "stuck");
        dispatcher.publish(event(0));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        IntStream.rangeClosed(1, 5).forEach(n -> dispatcher.publish(event(n)));
        assertThat(dispatcher.dropped()).isEqualTo(3);
        assertThat(dispatcher.droppedByListener()).containsExactly(entry("stuck", 3L),
                entry(EventDispatcher.REMOVED, 0L));

        dispatcher.removeListener(stuck);

        assertThat(dispatcher.dropped()).isEqualTo(3);
        assertThat(dispatcher.droppedByListener()).containsExactly(entry(EventDispatcher.REMOVED, 3L));
    }

    @Test
    void aListenerThatThrowsAnErrorStillGetsTheNextEvents() throws Exception {
        Collecting collected = new Collecting();
        dispatcher.addListener(event -> {
            if (event.equals(event(1))) {
                throw new AssertionError("listener broke badly");
            }
            collected.onEvent(event);
        }, "fragile");

        dispatcher.publish(event(1));
        dispatcher.publish(event(2));

        assertThat(collected.next()).isEqualTo(event(2));
    }
}
