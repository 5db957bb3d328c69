package io.cascadence.shell.impl;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.PluginFolders;

/**
 * {@code task:watch-plugins DIR} deploys the plugins of {@code DIR} too, as {@code plugins/} is deployed, until
 * {@code task:unwatch-plugins DIR} (or the container stops), which uninstalls them. A relative {@code DIR} is taken
 * from the container's working folder. Unlike {@code bin/task watch-plugins}, the console command returns at once:
 * the console stays usable meanwhile. The names have a dash, so Gogo hands them to {@link #_main}.
 */
@Component(service = PluginFolderCommands.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=watch-plugins",
    "osgi.command.function=unwatch-plugins"
})
public class PluginFolderCommands {

    @Reference
    private PluginFolders folders;

    /**
     * Gogo's entry for a command whose name is not a Java method name.
     *
     * @param command {@code watch-plugins} or {@code unwatch-plugins}
     * @param words what followed it: the folder
     */
    @Descriptor("watch-plugins DIR: deploy the plugin bundles of DIR too, until unwatch-plugins DIR, which "
            + "uninstalls them")
    public String _main(String command, String... words) {
        ShellArguments arguments = ShellArguments.parse(command, List.of(words), Map.of(), List.of("DIR"));
        Path folder = folder(arguments.positional().get(0));
        return switch (command) {
            case "watch-plugins" -> {
                boolean added = folders.add(folder);
                yield "watching " + folder + (added ? "" : " (already)") + "; task:unwatch-plugins " + folder
                        + " stops";
            }
            case "unwatch-plugins" -> {
                if (!folders.remove(folder)) {
                    throw new InvalidRequestException("Not a watched folder: " + folder);
                }
                yield "stopped watching " + folder;
            }
            default -> throw new InvalidRequestException("no such command: task:" + command);
        };
    }

    private static Path folder(String dir) {
        try {
            return Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("'" + dir + "' is not a valid path: " + e.getReason());
        }
    }
}
