package io.cascadence.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

public class IdentityHasherTest {

    public static final String ALICE_NO_SECRET = "2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90";
    public static final String ALICE_SECRET_S = "5e0f217ada7a7a57cce1f1eff23dcba38e99c668961e5e4ffeed5d62c9905245";

    private final AtomicReference<String> secret = new AtomicReference<>("");
    private final IdentityHasher hasher = new IdentityHasher(secret::get);

    @Test
    void hashesLikeTheOriginalWithAnEmptySecret() {
        assertThat(hasher.hash("alice")).isEqualTo(ALICE_NO_SECRET);
    }

    @Test
    void putsTheSecretBeforeTheId() {
        secret.set("s");

        assertThat(hasher.hash("alice")).isEqualTo(ALICE_SECRET_S);
    }

    @Test
    void readsTheSecretAtEveryCall() {
        String before = hasher.hash("alice");
        secret.set("s");
        String after = hasher.hash("alice");

        assertThat(before).isEqualTo(ALICE_NO_SECRET);
        assertThat(after).isEqualTo(ALICE_SECRET_S);
    }

    @Test
    void nullStaysNull() {
        assertThat(hasher.hash(null)).isNull();
    }

    @Test
    void anAlreadyHashedValueIsPassedThrough() {
        secret.set("s");

        assertThat(hasher.hash(ALICE_NO_SECRET)).isEqualTo(ALICE_NO_SECRET);
    }

    @Test
    void upperCaseHexIsNotTakenForAHashAndIsHashed() {
        String upper = ALICE_NO_SECRET.toUpperCase();

        String hashed = hasher.hash(upper);

        assertThat(hashed).isNotEqualTo(upper).isNotEqualTo(ALICE_NO_SECRET).matches("[0-9a-f]{64}");
    }

    @Test
    void hexOfAnotherLengthIsHashed() {
        String shorter = ALICE_NO_SECRET.substring(1);

        assertThat(hasher.hash(shorter)).isNotEqualTo(shorter).hasSize(64);
    }
}
