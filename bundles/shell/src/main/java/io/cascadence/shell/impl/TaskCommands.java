package io.cascadence.shell.impl;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.Identity;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.config.ConfigEntry;

/**
 * {@code task:list}, {@code task:run} and {@code task:config}: the same operations and output as {@code bin/task}.
 * Commands return their text; Gogo prints it, and reports a thrown exception's message.
 */
@Component(service = TaskCommands.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=list",
    "osgi.command.function=run",
    "osgi.command.function=config"
})
public class TaskCommands {

    @Reference
    private TaskRegistry registry;

    @Reference
    private Scheduler scheduler;

    @Reference
    private CascadenceConfig config;

    @Descriptor("list the registered tasks: <name> TAB <enabled|disabled>")
    public String list() {
        return registry.tasks().stream()
                .map(t -> t.name() + "\t" + (t.disabled() ? "disabled" : "enabled"))
                .collect(Collectors.joining("\n"));
    }

    @Descriptor("run a task now and print its run id")
    public String run(
            @Descriptor("user id the run is for") @Parameter(names = {"-u", "--user-id"}, absentValue = "")
            String userId,
            @Descriptor("group id the run is for") @Parameter(names = {"-g", "--group-id"}, absentValue = "")
            String groupId,
            @Descriptor("task name") String name) {
        RunResult result = scheduler.run(name, new Identity(userId, groupId));
        return "run-id\t" + result.runId();
    }

    @Descriptor("list the effective configuration: <key> TAB <value> TAB <source>")
    public String config() {
        List<ConfigEntry> entries = config.report().entries();
        StringBuilder out = new StringBuilder();
        for (ConfigEntry entry : entries) {
            out.append(ConfigLines.line(entry)).append('\n');
        }
        config.report().problems().forEach(p -> out.append("problem\t").append(p).append('\n'));
        return out.toString().stripTrailing();
    }
}
