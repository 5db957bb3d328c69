package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;

/** A client's stream as it reaches the client, and which events reach whom. */
class EventClientTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private static final String ALICE = "a".repeat(64);
    private static final String BOB = "b".repeat(64);

    private static EventMessage stage(String runId, String user, long id) {
        return EventMessage.of(new StageUpdate("report", "plan", runId, user, null, T), id);
    }

    /** The stream of a client, written on a thread of its own until {@code done} counts down, as the servlet does. */
    private static final class Stream {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CountDownLatch flushed = new CountDownLatch(1);
        final EventClient client;
        final Thread thread;

        Stream(EventFilter filter, int capacity, long keepAliveMs) {
            client = new EventClient(filter, capacity, keepAliveMs, CLOCK);
            thread = new Thread(() -> client.stream(out, flushed::countDown));
        }

        String text() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void theStreamStartsWithRetryAndHelloThenSendsEventsInOrderUntilClosed() throws Exception {
        Stream stream = new Stream(new EventFilter(EventFilter.types(null), null), 100, 60_000);
        stream.client.offer(stage("r1", null, 1));
        stream.client.offer(EventMessage.of(new TaskRunEvent("report", "r1", null, "success", null, null, "ok", T,
                T.plusSeconds(1), null, null), 2));
        stream.thread.start();
        awaitContains(stream, "event: run");
        stream.client.close();
        stream.thread.join(5_000);

        assertThat(stream.thread.isAlive()).isFalse();
        assertThat(stream.text()).startsWith("retry: 2000\n\nevent: hello\ndata: {\"time\":\"2026-12-05T10:00:00Z\"}\n\n"
                + "event: stage\nid: 1\ndata: {\"task\":\"report\",\"run_id\":\"r1\",\"stage\":\"plan\"")
                .contains("event: run\nid: 2\ndata: {\"task\":\"report\",\"run_id\":\"r1\"");
    }

    @Test
    void aClientThatFellBehindIsToldOnceHowManyWereDroppedThenGetsWhatCameAfter() throws Exception {
        Stream stream = new Stream(new EventFilter(EventFilter.types(null), null), 3, 60_000);
        for (int i = 1; i <= 5; i++) { // 1..3 fill its queue, 4 clears them, 5 waits behind 4
            stream.client.offer(stage("r" + i, null, i));
        }
        stream.thread.start();
        awaitContains(stream, "id: 5");
        stream.client.close();
        stream.thread.join(5_000);

        String text = stream.text();
        assertThat(text).contains("event: lagged\ndata: {\"dropped\":3}\n\nevent: stage\nid: 4\n")
                .doesNotContain("id: 1\n", "id: 2\n", "id: 3\n");
        assertThat(text.indexOf("event: lagged")).isEqualTo(text.lastIndexOf("event: lagged"));
    }

    @Test
    void aQuietStreamSendsKeepAliveComments() throws Exception {
        Stream stream = new Stream(new EventFilter(EventFilter.types(null), null), 10, 20);
        stream.thread.start();
        awaitContains(stream, ": keep-alive\n\n");
        stream.client.close();
        stream.thread.join(5_000);
        assertThat(stream.thread.isAlive()).isFalse();
    }

    @Test
    void onlyTheTypesAskedForAreSent() {
        EventFilter runs = new EventFilter(EventFilter.types(new String[] {"run, audit", "run"}), null);

        assertThat(runs.types()).containsExactlyInAnyOrder("run", "audit");
        assertThat(runs.accepts(stage("r1", null, 1))).isFalse();
        assertThat(EventFilter.types(new String[] {""})).hasSize(7);
        assertThatThrownBy(() -> EventFilter.types(new String[] {"stage,runs"}))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("types has 'runs'; expected a comma-separated list of stage, audit, run, spec, note, "
                        + "pointer, idea");
    }

    @Test
    void aBoundUserGetsItsOwnEventsAndTheTaskEventsOfNoRunButNoOtherRuns() {
        EventFilter alice = new EventFilter(Set.copyOf(EventJson.TYPES), ALICE);
        EventFilter anyone = new EventFilter(Set.copyOf(EventJson.TYPES), null);

        assertThat(alice.accepts(stage("r1", ALICE, 1))).isTrue();
        assertThat(alice.accepts(stage("r2", BOB, 2))).isFalse();
        assertThat(alice.accepts(stage("r3", null, 3))).as("a run of no user").isFalse();
        assertThat(alice.accepts(stage(null, null, 4))).as("a task paused by an operator").isTrue();
        assertThat(anyone.accepts(stage("r2", BOB, 2))).isTrue();
        assertThat(anyone.accepts(stage("r3", null, 3))).isTrue();
    }

    @Test
    void streamsAreCappedAndClosingEndsEveryStreamAndItsThread() throws Exception {
        EventStreams streams = new EventStreams(2);
        EventFilter all = new EventFilter(EventFilter.types(null), null);
        Stream first = new Stream(all, 10, 60_000);
        Stream second = new Stream(all, 10, 60_000);
        CountDownLatch done = new CountDownLatch(2);
        assertThat(streams.join(first.client)).isTrue();
        assertThat(streams.join(second.client)).isTrue();
        assertThat(streams.join(new EventClient(all, 10, 60_000, CLOCK))).isFalse();
        streams.start(first.client, () -> first.client.stream(first.out, () -> { }), done::countDown);
        streams.start(second.client, () -> second.client.stream(second.out, () -> { }), done::countDown);

        streams.publish(new StageUpdate("report", "plan", "r1", null, null, T));
        awaitContains(first, "id: 1\n");
        awaitContains(second, "id: 1\n");
        streams.close();

        assertThat(done.await(5, TimeUnit.SECONDS)).as("every stream ended").isTrue();
        assertThat(streams.size()).isZero();
        assertThat(streams.join(new EventClient(all, 10, 60_000, CLOCK))).isFalse();
    }

    private static void awaitContains(Stream stream, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!stream.text().contains(text)) {
            assertThat(System.nanoTime() - deadline).as("waiting for %s in %s", text, stream.text()).isNegative();
            Thread.sleep(5);
        }
    }
}
