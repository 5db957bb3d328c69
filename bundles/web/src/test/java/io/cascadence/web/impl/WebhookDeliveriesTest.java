package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery id is accepted once per source, also after a restart, and the file stays bounded. */
class WebhookDeliveriesTest {

    @TempDir
    Path folder;

    @Test
    void anIdIsAcceptedOncePerSourceAndReleasedIdsCanComeAgain() throws IOException {
        WebhookDeliveries deliveries = new WebhookDeliveries(folder, 100);

        assertThat(deliveries.claim("github", "a")).isTrue();
        assertThat(deliveries.claim("github", "a")).as("while the first is in progress").isFalse();
        assertThat(deliveries.claim("other", "a")).as("another source").isTrue();
        deliveries.commit("github", "a");
        assertThat(deliveries.claim("github", "a")).isFalse();

        assertThat(deliveries.claim("github", "b")).isTrue();
        deliveries.release("github", "b");
        assertThat(deliveries.claim("github", "b")).as("its runs were refused; the retry may run").isTrue();
    }

    @Test
    void idsOutliveARestartAndATornLastLineIsIgnored() throws IOException {
        WebhookDeliveries before = new WebhookDeliveries(folder, 100);
        before.claim("github", "first");
        before.commit("github", "first");
        Files.writeString(folder.resolve("github.ids"), "half", java.nio.file.StandardOpenOption.APPEND);

        WebhookDeliveries after = new WebhookDeliveries(folder, 100);

        assertThat(after.claim("github", "first")).isFalse();
        assertThat(after.claim("github", "half")).isTrue();
        assertThat(after.problem()).isNull();
    }

    @Test
    void onlyTheNewestIdsAreKeptAndTheFileStaysBounded() throws IOException {
        WebhookDeliveries deliveries = new WebhookDeliveries(folder, 3);
        for (int i = 0; i < 20; i++) {
            deliveries.claim("github", "id" + i);
            deliveries.commit("github", "id" + i);
        }

        assertThat(Files.readAllLines(folder.resolve("github.ids")).size()).isBetween(3, 6);
        WebhookDeliveries restarted = new WebhookDeliveries(folder, 3);
        assertThat(restarted.claim("github", "id19")).isFalse();
        assertThat(restarted.claim("github", "id17")).isFalse();
        assertThat(restarted.claim("github", "id16")).as("older than the last 3").isTrue();
    }

    @Test
    void aFolderThatCannotBeWrittenIsReported() throws IOException {
        Path blocked = folder.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        WebhookDeliveries deliveries = new WebhookDeliveries(blocked, 10);
        deliveries.claim("github", "a");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deliveries.commit("github", "a"))
                .isInstanceOf(IOException.class);
        assertThat(deliveries.problem()).startsWith("webhook delivery ids cannot be written to " + blocked)
                .endsWith("a delivery sent again after a restart runs its tasks again");
        assertThat(deliveries.claim("github", "a")).as("still known until the next start").isFalse();
    }
}
