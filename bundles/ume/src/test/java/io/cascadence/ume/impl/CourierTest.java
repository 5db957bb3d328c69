package io.cascadence.ume.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.cascadence.ume.spi.DeliveryException;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeMessage;

class CourierTest {

    /** A server that is down while {@code down} is set, and otherwise takes one message less than it is given. */
    static class FlakyConnection implements UmeConnection {
        final List<Long> received = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public String target() {
            return "flaky";
        }

        @Override
        public boolean connected() {
            return !down.get();
        }

        @Override
        public synchronized void send(List<UmeMessage> batch) throws DeliveryException {
            if (down.get()) {
                throw new DeliveryException("down", 0, null);
            }
            int take = batch.size() > 1 ? batch.size() - 1 : 1;
            for (int i = 0; i < take; i++) {
                received.add(batch.get(i).seq());
            }
            if (take < batch.size()) {
                throw new DeliveryException("took " + take, take, null);
            }
        }

        @Override
        public AutoCloseable subscribe(Consumer<UmeMessage> receiver) {
            return () -> { };
        }

        @Override
        public void close() {
        }

        synchronized List<Long> received() {
            return List.copyOf(received);
        }
    }

    @Test
    void messagesArriveOnceEachAndInOrderAcrossAnOutageAndPartialDeliveries() throws Exception {
        Outbox outbox = new Outbox(1_000);
        FlakyConnection connection = new FlakyConnection();
        connection.down.set(true);
        AtomicLong delivered = new AtomicLong();
        Courier courier = new Courier("test", outbox, connection, delivered);
        courier.start();
        for (long i = 1; i <= 300; i++) {
            outbox.add(OutboxTest.message(i));
        }
        Thread.sleep(300);
        assertThat(connection.received()).isEmpty();
        assertThat(courier.failing()).isTrue();
        assertThat(courier.lastError()).isEqualTo("down");
        connection.down.set(false);
        courier.stop(10_000);
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 300; i++) {
            expected.add(i);
        }
        assertThat(connection.received()).containsExactlyElementsOf(expected);
        assertThat(delivered.get()).isEqualTo(300);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aMessageTheServerCanNeverTakeIsDroppedAndCountedAndTheRestGoOn() {
        Outbox outbox = new Outbox(10);
        List<Long> taken = new ArrayList<>();
        UmeConnection refusesTwo = new FlakyConnection() {
            @Override
            public synchronized void send(List<UmeMessage> batch) throws DeliveryException {
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.get(i).seq() == 2) {
                        throw new DeliveryException("too large", i, true, null);
                    }
                    taken.add(batch.get(i).seq());
                }
            }
        };
        AtomicLong delivered = new AtomicLong();
        Courier courier = new Courier("test", outbox, refusesTwo, delivered);
        for (long i = 1; i <= 3; i++) {
            outbox.add(OutboxTest.message(i));
        }
        courier.start();
        courier.stop(5_000);
        assertThat(taken).containsExactly(1L, 3L);
        assertThat(delivered.get()).isEqualTo(2);
        assertThat(outbox.dropped()).isEqualTo(1);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void stoppingGivesUpAtTheDeadlineWhenTheServerStaysDown() {
        Outbox outbox = new Outbox(10);
        FlakyConnection connection = new FlakyConnection();
        connection.down.set(true);
        Courier courier = new Courier("test", outbox, connection, new AtomicLong());
        courier.start();
        outbox.add(OutboxTest.message(1));
        courier.stop(300);
        assertThat(outbox.size()).isEqualTo(1);
        assertThat(connection.received()).isEmpty();
    }
}
