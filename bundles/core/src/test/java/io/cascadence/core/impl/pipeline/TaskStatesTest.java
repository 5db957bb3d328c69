package io.cascadence.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStatesTest {

    private final TaskStates states = new TaskStates();

    @Test
    void aTaskIsNeitherPausedNorDisabledAtFirst() {
        assertThat(states.paused("job")).isFalse();
        assertThat(states.disabled("job")).isFalse();
    }

    @Test
    void setPausedReportsOnlyRealChanges() {
        assertThat(states.setPaused("job", false)).as("resume a running task").isFalse();
        assertThat(states.setPaused("job", true)).as("pause").isTrue();
        assertThat(states.paused("job")).isTrue();
        assertThat(states.setPaused("job", true)).as("pause again").isFalse();
        assertThat(states.setPaused("job", false)).as("resume").isTrue();
        assertThat(states.paused("job")).isFalse();
        assertThat(states.setPaused("job", false)).as("resume again").isFalse();
    }

    @Test
    void setDisabledReportsOnlyRealChanges() {
        assertThat(states.setDisabled("job", false)).as("enable an enabled task").isFalse();
        assertThat(states.setDisabled("job", true)).as("disable").isTrue();
        assertThat(states.disabled("job")).isTrue();
        assertThat(states.setDisabled("job", true)).as("disable again").isFalse();
        assertThat(states.setDisabled("job", false)).as("enable").isTrue();
        assertThat(states.disabled("job")).isFalse();
    }

    @Test
    void statesAreKeptPerTaskAndPerKind() {
        states.setPaused("a", true);
        states.setDisabled("b", true);

        assertThat(states.paused("a")).isTrue();
        assertThat(states.disabled("a")).isFalse();
        assertThat(states.paused("b")).isFalse();
        assertThat(states.disabled("b")).isTrue();
    }
}
