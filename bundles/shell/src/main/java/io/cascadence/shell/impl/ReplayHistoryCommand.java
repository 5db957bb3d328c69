package io.cascadence.shell.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.CascadenceException;
import io.cascadence.api.WorkflowHistories;

/**
 * {@code task:replay-history FILE} (also {@code task:replayHistory}): {@code bin/task replay-history}. Replays an
 * exported Temporal history of a run against this installation's code ({@link WorkflowHistories}). A class of its
 * own, as {@link ExportN8nCommand} says why.
 */
@Component(service = ReplayHistoryCommand.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=replay-history",
    "osgi.command.function=replayHistory"
})
public class ReplayHistoryCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkflowHistories histories;

    @Descriptor("replay FILE, an exported Temporal history of a run, against this code: replayed FILE: deterministic "
            + "(N events), or an error saying it is not; FILE is relative to the folder Cascadence was "
            + "started in")
    public String _main(Object... args) {
        String file = GogoArguments.parse("task:replay-history", args, Map.of(), List.of("FILE")).positional().get(0);
        WorkflowHistories now = histories;
        if (now == null) {
            throw new BackendUnavailableException("temporal", "history replay " + WorkflowHistories.NOT_INSTALLED);
        }
        if (Files.isDirectory(Path.of(file))) {
            throw new CascadenceException("cannot read " + file + ": it is a folder, not a file");
        }
        String history;
        try {
            history = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CascadenceException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CascadenceException("cannot read " + file + ": " + e.getMessage(), e);
        }
        WorkflowHistories.Outcome outcome = now.replay(history);
        if (!outcome.deterministic()) {
            throw new CascadenceException(file + " is not deterministic for this code: " + outcome.problem());
        }
        return "replayed " + file + ": deterministic (" + outcome.events() + " events)";
    }
}
