package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskPath;
import io.cascadence.core.impl.TaskPathTable.Entry;

class TaskPathTableTest {

    private static final String FAN_OUT = "b:c.FanOut";

    private final List<List<TaskPath>> written = new ArrayList<>();
    private boolean failing;
    private final TaskPathTable<String> table = new TaskPathTable<>(paths -> {
        if (failing) {
            throw new StoreUnavailableException("data/tasks.yml", "permission denied");
        }
        written.add(paths);
    });

    private static TaskPath path(String path, String name, String schedule) {
        return new TaskPath(path, name, schedule);
    }

    private Entry<String> register(TaskPath asked, String name) {
        Entry<String> entry = table.put(asked, name);
        table.named(entry, name);
        table.attach(entry, "service of " + name);
        return entry;
    }

    @Test
    void oneClassUnderSeveralNamesIsAnEntryPerNameAndAllAreWritten() {
        register(path(FAN_OUT, null, null), "fan-out");
        register(path(FAN_OUT, "fan-out-a", null), "fan-out-a");
        register(path(FAN_OUT, "fan-out-b", "0 * * * *"), "fan-out-b");

        assertThat(written).last().asList().containsExactly(path(FAN_OUT, null, null),
                path(FAN_OUT, "fan-out-a", null), path(FAN_OUT, "fan-out-b", "0 * * * *"));
        assertThat(table.paths()).extracting(TaskPath::name).containsExactly("fan-out", "fan-out-a", "fan-out-b");
    }

    @Test
    void eachChangeIsWrittenBeforeItIsMade() {
        register(path(FAN_OUT, "a", null), "a");
        register(path(FAN_OUT, "b", null), "b");

        assertThat(written).hasSize(2);
        assertThat(written.get(0)).containsExactly(path(FAN_OUT, "a", null));
    }

    @Test
    void aRegistrationThatCannotBeWrittenChangesNothing() {
        register(path(FAN_OUT, "a", "0 * * * *"), "a");
        failing = true;

        assertThatThrownBy(() -> table.put(path(FAN_OUT, "b", null), "b"))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> table.put(path(FAN_OUT, "a", "5 * * * *"), "a"))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(table.paths()).containsExactly(path(FAN_OUT, "a", "0 * * * *"));
        assertThat(table.find(path(FAN_OUT, "b", null), "b")).isEmpty();
    }

    @Test
    void theSameRegistrationAgainOnlyTakesANewScheduleAndKeepsTheOldOneWithoutOne() {
        Entry<String> first = register(path(FAN_OUT, null, null), "fan-out");

        Entry<String> again = table.put(path(FAN_OUT, null, "*/5 * * * *"), "fan-out");
        Entry<String> sameByName = table.put(path(FAN_OUT, "fan-out", null), "fan-out");

        assertThat(again).isSameAs(first);
        assertThat(sameByName).isSameAs(first);
        assertThat(table.paths()).containsExactly(path(FAN_OUT, "fan-out", "*/5 * * * *"));
        assertThat(written).last().asList().containsExactly(path(FAN_OUT, null, "*/5 * * * *"));
        assertThat(written).as("nothing to write when nothing changes").hasSize(2);
    }

    @Test
    void aNameHeldByAnEntryOfAnotherClassIsRefusedEvenWhileItsBundleIsAway() {
        table.restore(List.of(path("away:c.Other", "report", null)));

        assertThatThrownBy(() -> table.requireFree(FAN_OUT, "report"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'report'").hasMessageContaining("away:c.Other");
        table.requireFree("away:c.Other", "report");
        table.requireFree(FAN_OUT, "other-name");
    }

    @Test
    void restoredEntriesWaitPerBundleUntilTheyAreInServiceAndAgainWhenTheirBundleStops() {
        table.restore(List.of(path("one:c.A", null, null), path("two:c.B", "b", null), path("one:c.C", "c", null)));

        assertThat(table.waiting("one")).extracting(e -> e.stored().path()).containsExactly("one:c.A", "one:c.C");
        assertThat(table.waiting(null)).hasSize(3);
        assertThat(written).as("restoring writes nothing").isEmpty();

        Entry<String> a = table.waiting("one").get(0);
        table.named(a, "a");
        table.attach(a, "service a");
        assertThat(table.waiting("one")).extracting(e -> e.stored().path()).containsExactly("one:c.C");
        assertThat(table.registration(a)).contains("service a");

        table.detach("one");
        assertThat(table.waiting("one")).hasSize(2);
        assertThat(table.waiting("two")).hasSize(1);
    }

    @Test
    void aClassNamedEntryWhoseNameIsNotKnownYetIsFoundByItsPath() {
        table.restore(List.of(path(FAN_OUT, null, null)));

        assertThat(table.find(path(FAN_OUT, null, null), "fan-out")).isPresent();
        assertThat(table.find(path(FAN_OUT, "fan-out-a", null), "fan-out-a")).isEmpty();
    }

    @Test
    void removeTakesAnEntryOutOfTheFileToo() {
        register(path(FAN_OUT, "a", null), "a");
        Entry<String> b = register(path(FAN_OUT, "b", null), "b");

        table.remove(b);

        assertThat(written).last().asList().containsExactly(path(FAN_OUT, "a", null));
        assertThat(table.paths()).extracting(TaskPath::name).containsExactly("a");
    }

    @Test
    void detachAllHandsOverEveryRegistrationOnce() {
        register(path(FAN_OUT, "a", null), "a");
        register(path(FAN_OUT, "b", null), "b");

        assertThat(table.detachAll()).containsExactly("service of a", "service of b");
        assertThat(table.detachAll()).isEmpty();
    }
}
