package io.cascadence.ume.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cascadence.ume.spi.UmeMessage;

class OutboxTest {

    static UmeMessage message(long seq) {
        return new UmeMessage("t", new byte[] {(byte) seq}, "id-" + seq, "origin", "", 0, seq);
    }

    private static List<Long> seqs(List<Outbox.Entry> entries) {
        return entries.stream().map(e -> e.message().seq()).toList();
    }

    @Test
    void aFullOutboxDropsTheOldestAndCountsThem() throws InterruptedException {
        Outbox outbox = new Outbox(3);
        for (long i = 1; i <= 5; i++) {
            outbox.add(message(i));
        }
        assertThat(outbox.size()).isEqualTo(3);
        assertThat(outbox.dropped()).isEqualTo(2);
        assertThat(seqs(outbox.peek(10, 0, TimeUnit.MILLISECONDS))).containsExactly(3L, 4L, 5L);
    }

    @Test
    void deliveredMessagesLeaveByTheirNumberEvenWhenOlderOnesWereDroppedMeanwhile() throws InterruptedException {
        Outbox outbox = new Outbox(2);
        outbox.add(message(1));
        outbox.add(message(2));
        List<Outbox.Entry> batch = outbox.peek(2, 0, TimeUnit.MILLISECONDS);
        // while the batch is on its way, two more arrive and push both out
        outbox.add(message(3));
        outbox.add(message(4));
        outbox.removeThrough(batch.get(1).number());
        assertThat(seqs(outbox.peek(10, 0, TimeUnit.MILLISECONDS))).containsExactly(3L, 4L);
    }

    @Test
    void shrinkingTheBoundDropsTheOldestBeyondIt() throws InterruptedException {
        Outbox outbox = new Outbox(10);
        for (long i = 1; i <= 4; i++) {
            outbox.add(message(i));
        }
        outbox.resize(2);
        assertThat(outbox.dropped()).isEqualTo(2);
        assertThat(seqs(outbox.peek(10, 0, TimeUnit.MILLISECONDS))).containsExactly(3L, 4L);
    }
}
