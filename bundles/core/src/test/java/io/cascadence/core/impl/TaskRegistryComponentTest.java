package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.config.CascadenceConfig;

/** The paused and disabled states as the component keeps them in task-states.yml, across "restarts". */
class TaskRegistryComponentTest {

    @TempDir
    Path dir;

    /** A component as DS would activate it, with only the states file configured. */
    private TaskRegistryComponent start(Path statesFile) throws ReflectiveOperationException {
        CascadenceConfig config = (CascadenceConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CascadenceConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("statesPath")) {
                        return statesFile;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        TaskRegistryComponent component = new TaskRegistryComponent();
        Field field = TaskRegistryComponent.class.getDeclaredField("config");
        field.setAccessible(true);
        field.set(component, config);
        component.activate();
        return component;
    }

    @Test
    void everyChangeIsOnDiskWhenItReturnsAndIsThereAfterARestart() throws Exception {
        Path file = dir.resolve("task-states.yml");
        TaskRegistryComponent first = start(file);

        first.states().setPaused("report", true);
        first.states().setDisabled("backup", true);

        assertThat(Files.readString(file)).contains("report").contains("backup");
        TaskRegistryComponent second = start(file);
        assertThat(second.states().paused("report")).isTrue();
        assertThat(second.states().disabled("backup")).isTrue();
        assertThat(second.warnings()).isEmpty();
    }

    @Test
    void aChangeThatCannotBeWrittenIsRefusedUndoneAndReportedAndTheOldStateComesBack() throws Exception {
        Path file = dir.resolve("task-states.yml");
        TaskRegistryComponent component = start(file);
        component.states().setPaused("report", true);
        String saved = Files.readString(file);
        Files.delete(file);
        Files.createDirectories(file.resolve("in-the-way"));

        assertThatThrownBy(() -> component.states().setPaused("report", false))
                .isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith(file + " cannot be written");
        assertThatThrownBy(() -> component.states().setDisabled("report", true))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(component.states().paused("report")).isTrue();
        assertThat(component.states().disabled("report")).isFalse();
        assertThat(component.warnings()).singleElement().asString().startsWith(file.toString());

        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);
        Files.writeString(file, saved);
        assertThat(start(file).states().paused("report")).isTrue();
    }

    @Test
    void aStatesFileThatCannotBeReadIsLeftAloneAndChangesAreRefused() throws Exception {
        Path file = dir.resolve("task-states.yml");
        Files.writeString(file, "- not\n- a mapping\n");

        TaskRegistryComponent component = start(file);

        assertThatThrownBy(() -> component.states().setPaused("report", true))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("could not be read at start");
        assertThat(component.states().paused("report")).isFalse();
        assertThat(file).hasContent("- not\n- a mapping");
        assertThat(component.warnings()).singleElement().asString().contains("could not be read at start");
    }

    @Test
    void aFolderThatCannotHoldTheFileShowsOnHealthBeforeAnyChange() throws IOException, ReflectiveOperationException {
        Path data = Files.createDirectories(dir.resolve("data"));
        TaskRegistryComponent component = start(data.resolve("task-states.yml"));
        assertThat(component.warnings()).isEmpty();

        Files.delete(data);
        Files.writeString(data, "a file where the folder belongs");

        assertThat(component.warnings()).singleElement().asString().contains(data + " is in the way");
    }
}
