package io.cascadence.transport.nats.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cascadence.ume.proto.StageUpdate;
import io.cascadence.ume.spi.UmeMessage;

/** Test messages: StageUpdates of one run, stages s1, s2, ... in sequence order. */
final class Messages {

    static final String TYPE = StageUpdate.getDescriptor().getFullName();
    static final String ORIGIN = "origin-" + UUID.randomUUID();

    private Messages() {
    }

    static List<UmeMessage> batch(int count) {
        List<UmeMessage> batch = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            batch.add(stage("s" + i, i));
        }
        return batch;
    }

    static UmeMessage stage(String stage, long seq) {
        byte[] payload = StageUpdate.newBuilder().setTaskName("demo").setStage(stage).setRunId("run-1").build()
                .toByteArray();
        return new UmeMessage(TYPE, payload, UUID.randomUUID().toString(), ORIGIN, "", 1_700_000_000_000L + seq,
                seq);
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
