package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import io.cascadence.api.ManualTrigger;
import io.cascadence.api.PointerTask;
import io.cascadence.api.RunContext;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.Task;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.WebhookTask;
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

    @Test
    void aTaskSaysWhetherItIsManualAPointerTaskAndWhichWebhookSourcesItHandles() throws Exception {
        TaskRegistryComponent component = start(dir.resolve("task-states.yml"));
        component.bindTask(reference(1, Map.of(TaskProperties.TASK_NAME, "demo")), (ManualTrigger) this::noop);
        component.bindTask(reference(2, Map.of(TaskProperties.TASK_NAME, "family")), new PointerTask() {
            @Override
            public Object run(RunContext context) {
                return null;
            }
        });
        component.bindTask(reference(3, Map.of(TaskProperties.TASK_NAME, "issues",
                TaskProperties.WEBHOOK_SOURCE, new String[] {"github", "gitea", "github"})), (WebhookTask) this::noop);
        component.bindTask(reference(4, Map.of(TaskProperties.TASK_NAME, "plain",
                TaskProperties.WEBHOOK_SOURCE, "github")), (Task) this::noop);
        component.bindTask(reference(5, Map.of(TaskProperties.TASK_NAME, "bad",
                TaskProperties.WEBHOOK_SOURCE, "GitHub/x")), (WebhookTask) this::noop);

        assertThat(component.tasks()).extracting(TaskInfo::name, TaskInfo::manual, TaskInfo::pointer,
                TaskInfo::webhookSources).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("demo", true, false, List.of()),
                        org.assertj.core.groups.Tuple.tuple("family", false, true, List.of()),
                        org.assertj.core.groups.Tuple.tuple("issues", false, false, List.of("github", "gitea")),
                        org.assertj.core.groups.Tuple.tuple("plain", false, false, List.of()),
                        org.assertj.core.groups.Tuple.tuple("bad", false, false, List.of()));
    }

    private Object noop(RunContext context) {
        return null;
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Task> reference(long id, Map<String, Object> properties) {
        return (ServiceReference<Task>) Proxy.newProxyInstance(TaskRegistryComponentTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? Long.valueOf(id)
                            : properties.get((String) args[0]);
                    case "getBundle" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
