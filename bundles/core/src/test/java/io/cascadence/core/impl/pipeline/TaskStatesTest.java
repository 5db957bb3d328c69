package io.cascadence.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cascadence.api.StoreUnavailableException;

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

    @Test
    void theListenerSeesTheChangeInPlaceAndOnlyRealChanges() {
        List<String> seen = new ArrayList<>();
        states.onChange(() -> seen.add(states.pausedNames() + " " + states.disabledNames()));

        states.setPaused("a", true);
        states.setPaused("a", true);
        states.setDisabled("b", true);
        states.setPaused("a", false);

        assertThat(seen).containsExactly("[a] []", "[a] [b]", "[] [b]");
    }

    @Test
    void aChangeTheListenerRefusesIsUndoneAndTheRefusalReachesTheCaller() {
        states.setPaused("paused-before", true);
        states.setDisabled("disabled-before", true);
        states.onChange(() -> {
            throw new StoreUnavailableException("data/task-states.yml", "permission denied");
        });

        assertThatThrownBy(() -> states.setPaused("job", true)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("data/task-states.yml");
        assertThatThrownBy(() -> states.setPaused("paused-before", false))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> states.setDisabled("job", true)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> states.setDisabled("disabled-before", false))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(states.paused("job")).isFalse();
        assertThat(states.disabled("job")).isFalse();
        assertThat(states.pausedNames()).containsExactly("paused-before");
        assertThat(states.disabledNames()).containsExactly("disabled-before");
    }

    @Test
    void aRefusedChangeLeavesNoTraceForTheNextWrite() {
        List<String> written = new ArrayList<>();
        boolean[] failing = {true};
        states.onChange(() -> {
            if (failing[0]) {
                throw new StoreUnavailableException("data/task-states.yml", "disk full");
            }
            written.add(states.pausedNames() + " " + states.disabledNames());
        });
        assertThatThrownBy(() -> states.setPaused("refused", true)).isInstanceOf(StoreUnavailableException.class);

        failing[0] = false;
        states.setDisabled("accepted", true);

        assertThat(written).containsExactly("[] [accepted]");
    }
}
