package io.cascadence.shell.impl;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.config.CascadenceConfig;

/**
 * {@code task:list}, {@code task:run}, {@code task:trigger}, {@code task:runs}, {@code task:pause},
 * {@code task:resume}, {@code task:disable}, {@code task:enable}, {@code task:cancel} and {@code task:config}: the
 * same operations and output as {@code bin/task}.
 * Commands return their text; Gogo prints it, and reports a thrown exception's message.
 */
@Component(service = TaskCommands.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=list",
    "osgi.command.function=run",
    "osgi.command.function=config",
    "osgi.command.function=pause",
    "osgi.command.function=resume",
    "osgi.command.function=disable",
    "osgi.command.function=enable",
    "osgi.command.function=runs",
    "osgi.command.function=cancel",
    "osgi.command.function=trigger"
})
public class TaskCommands {

    @Reference
    private TaskRegistry registry;

    @Reference
    private Scheduler scheduler;

    @Reference
    private CascadenceConfig config;

    @Reference
    private RunHistory history;

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
        RunResult result = scheduler.run(RunRequest.of(name, Trigger.SHELL).withIdentity(new Identity(userId, groupId)));
        return "run-id\t" + result.runId();
    }

    @Descriptor("run a manual-trigger task now and print its run id (other tasks are refused)")
    public String trigger(
            @Descriptor("user id the run is for") @Parameter(names = {"-u", "--user-id"}, absentValue = "")
            String userId,
            @Descriptor("group id the run is for") @Parameter(names = {"-g", "--group-id"}, absentValue = "")
            String groupId,
            @Descriptor("task name") String name) {
        TaskInfo task = registry.task(name).orElseThrow(() -> new UnknownTaskException(name));
        if (!task.manual()) {
            throw new InvalidRequestException("'" + name + "' is not a manual task");
        }
        RunResult result = scheduler.run(RunRequest.of(name, Trigger.SHELL)
                .withIdentity(new Identity(userId, groupId)));
        return "run id: " + result.runId();
    }

    @Descriptor("refuse new runs of a task, or hold one run in progress before its next stage")
    public String pause(
            @Descriptor("run id of one run in progress") @Parameter(names = {"-r", "--run-id"}, absentValue = "")
            String runId,
            @Descriptor("task name") String name) {
        if (runId.isEmpty()) {
            scheduler.pause(name);
            return name + " paused";
        }
        scheduler.pauseRun(name, runId);
        return name + " run " + runId + " paused";
    }

    @Descriptor("undo pause")
    public String resume(
            @Descriptor("run id of one paused run") @Parameter(names = {"-r", "--run-id"}, absentValue = "")
            String runId,
            @Descriptor("task name") String name) {
        if (runId.isEmpty()) {
            scheduler.resume(name);
            return name + " resumed";
        }
        scheduler.resumeRun(name, runId);
        return name + " run " + runId + " resumed";
    }

    @Descriptor("refuse runs of a task until it is enabled")
    public String disable(@Descriptor("task name") String name) {
        scheduler.disable(name);
        return name + " disabled";
    }

    @Descriptor("undo disable")
    public String enable(@Descriptor("task name") String name) {
        scheduler.enable(name);
        return name + " enabled";
    }

    @Descriptor("the task's runs, newest first: <run-id> TAB <status> TAB <started> TAB <ms>")
    public String runs(
            @Descriptor("at most this many") @Parameter(names = {"-l", "--limit"}, absentValue = "20") int limit,
            @Descriptor("task name") String name) {
        List<RunRecord> runs = history.forTask(name, 0, limit);
        if (runs.isEmpty() && registry.task(name).isEmpty()) {
            throw new UnknownTaskException(name);
        }
        return runs.stream()
                .map(r -> r.runId() + "\t" + r.status() + "\t"
                        + (r.startedAt() == null ? r.submittedAt() : r.startedAt()) + "\t"
                        + (r.finishedAt() == null || r.startedAt() == null ? "-"
                                : r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli())
                        + (r.error() == null ? "" : "\t" + (r.failedStage() == null ? "" : r.failedStage() + ": ")
                                + r.error()))
                .collect(Collectors.joining("\n"));
    }

    @Descriptor("cancel a queued or running run")
    public String cancel(@Descriptor("run id") String runId) {
        scheduler.cancel(runId);
        return runId + " cancelled";
    }

    @Descriptor("list the effective configuration: <pid> TAB <key> TAB <value> TAB <source> TAB <live|at start>")
    public String config() {
        return String.join("\n", ConfigLines.lines(config.report()));
    }
}
