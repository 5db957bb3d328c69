package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cascadence.core.impl.pipeline.TaskStates;

class TaskStatesFileTest {

    @Test
    void pausedAndDisabledTasksRoundTrip() {
        TaskStates states = new TaskStates();
        states.setPaused("report", true);
        states.setDisabled("cleanup", true);
        states.setDisabled("archive", true);

        TaskStates read = TaskStatesFile.read(TaskStatesFile.write(states));

        assertThat(read.pausedNames()).containsExactly("report");
        assertThat(read.disabledNames()).containsExactly("archive", "cleanup");
        assertThat(new String(TaskStatesFile.write(states), StandardCharsets.UTF_8))
                .contains("paused:\n- report").contains("disabled:\n- archive\n- cleanup");
    }

    @Test
    void anEmptyFileMeansNothingIsPausedOrDisabled() {
        TaskStates read = TaskStatesFile.read(new byte[0]);

        assertThat(read.pausedNames()).isEmpty();
        assertThat(read.disabledNames()).isEmpty();
    }

    @Test
    void malformedContentIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> TaskStatesFile.read("- a\n- b\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'paused' and 'disabled'");
        assertThatThrownBy(() -> TaskStatesFile.read("paused: report\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'paused' is not a list");
    }

    @Test
    void everyRealChangeIsReportedToTheListener() {
        TaskStates states = new TaskStates();
        int[] changes = new int[1];
        states.onChange(() -> changes[0]++);

        states.setPaused("a", true);
        states.setPaused("a", true);
        states.setDisabled("a", true);
        states.setPaused("a", false);

        assertThat(changes[0]).isEqualTo(3);
    }
}
