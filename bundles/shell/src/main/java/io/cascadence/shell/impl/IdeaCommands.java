package io.cascadence.shell.impl;

import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.Identity;
import io.cascadence.api.IdeaStore;

/**
 * {@code task:ai-idea [-u ID] [-g ID] TEXT} (also {@code task:aiIdea}): {@code bin/task ai-idea}. A class of its own
 * for the reason {@link ExportN8nCommand} gives.
 */
@Component(service = IdeaCommands.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=ai-idea",
    "osgi.command.function=aiIdea"
})
public class IdeaCommands {

    @Reference
    private IdeaStore ideas;

    @Descriptor("keep an idea (quote TEXT) in data/ideas.yml, user and group hashed: idea sent; -u ID (--user-id) "
            + "and -g ID (--group-id) say whose it is")
    public String _main(Object... args) {
        GogoArguments arguments = GogoArguments.parse("task:ai-idea", args,
                Map.of("-u", "user-id", "--user-id", "user-id", "-g", "group-id", "--group-id", "group-id"),
                List.of("TEXT"));
        ideas.add(arguments.positional().get(0),
                new Identity(arguments.option("user-id"), arguments.option("group-id")));
        return "idea sent";
    }
}
