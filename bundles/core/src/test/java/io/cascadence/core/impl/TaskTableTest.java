package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.cascadence.api.Task;

class TaskTableTest {

    private static final Task NOOP = context -> null;

    private final TaskTable table = new TaskTable();

    private static RegisteredTask task(String name, long serviceId, int ranking) {
        return new RegisteredTask(name, NOOP, serviceId, ranking, "io.cascadence.plugins.example", "1.0.0");
    }

    static Stream<String> invalidNames() {
        return Stream.of(null, "", "has space", "-leading-dash", "slash/inside", "a".repeat(101));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidNamesAreRefused(String name) {
        assertThat(table.put(task(name, 1, 0))).isFalse();

        assertThat(table.all()).isEmpty();
        assertThat(table.find(name)).isEmpty();
    }

    @Test
    void nameOfOneHundredCharactersIsAccepted() {
        String name = "a".repeat(100);

        assertThat(table.put(task(name, 1, 0))).isTrue();
        assertThat(table.find(name)).isPresent();
    }

    @Test
    void validNamesAreListedSorted() {
        assertThat(table.put(task("zeta", 1, 0))).isTrue();
        assertThat(table.put(task("alpha", 2, 0))).isTrue();
        assertThat(table.put(task("mid.task_v2-x", 3, 0))).isTrue();

        assertThat(table.all()).extracting(RegisteredTask::name).containsExactly("alpha", "mid.task_v2-x", "zeta");
    }

    @Test
    void higherRankingWinsANameWhateverTheOrderOfArrival() {
        table.put(task("hello", 1, 0));
        table.put(task("hello", 2, 10));

        assertThat(table.find("hello")).get().extracting(RegisteredTask::serviceId).isEqualTo(2L);
        assertThat(table.all()).singleElement().extracting(RegisteredTask::serviceId).isEqualTo(2L);
    }

    @Test
    void equalRankingLowerServiceIdWins() {
        table.put(task("hello", 7, 5));
        table.put(task("hello", 3, 5));

        assertThat(table.find("hello")).get().extracting(RegisteredTask::serviceId).isEqualTo(3L);
    }

    @Test
    void removingTheWinnerHandsTheNameOver() {
        table.put(task("hello", 1, 10));
        table.put(task("hello", 2, 0));

        table.remove(1);

        assertThat(table.find("hello")).get().extracting(RegisteredTask::serviceId).isEqualTo(2L);

        table.remove(2);

        assertThat(table.find("hello")).isEmpty();
        assertThat(table.all()).isEmpty();
    }

    @Test
    void rePuttingAServiceWithANewNameMovesIt() {
        table.put(task("old-name", 4, 0));

        assertThat(table.put(task("new-name", 4, 0))).isTrue();

        assertThat(table.find("old-name")).isEmpty();
        assertThat(table.find("new-name")).get().extracting(RegisteredTask::serviceId).isEqualTo(4L);
        assertThat(table.all()).hasSize(1);
    }

    @Test
    void removingAnUnknownServiceChangesNothing() {
        table.put(task("hello", 1, 0));

        table.remove(99);

        assertThat(table.find("hello")).isPresent();
    }
}
