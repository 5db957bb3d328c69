package io.cascadence.shell.impl;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.N8nExport;

/**
 * {@code task:export-n8n [-b URL] FILE} (also {@code task:exportN8n}): {@code bin/task export-n8n}. Gogo finds a
 * command's method by its name, which cannot hold a '-'; a method named {@code _main} answers every function name
 * of its service, so this command is a class of its own.
 */
@Component(service = ExportN8nCommand.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=export-n8n",
    "osgi.command.function=exportN8n"
})
public class ExportN8nCommand {

    @Reference
    private N8nExport export;

    private String containerUrl;

    @Activate
    void activate(BundleContext context) {
        String host = context.getProperty("org.apache.felix.http.host");
        String port = context.getProperty("org.osgi.service.http.port");
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        containerUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + (port == null ? "8000" : port.strip());
    }

    @Descriptor("write the tasks as an n8n workflow to FILE: workflow written to FILE; -b URL (--base-url): where n8n "
            + "reaches Cascadence (default: this container's HTTP address); FILE is relative to the folder Cascadence "
            + "was started in")
    public String _main(Object... args) {
        GogoArguments arguments = GogoArguments.parse("task:export-n8n", args,
                Map.of("-b", "base-url", "--base-url", "base-url"), List.of("FILE"));
        String baseUrl = arguments.option("base-url");
        String file = arguments.positional().get(0);
        String base = baseUrl.isBlank() ? containerUrl : baseUrl.strip();
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new CascadenceException("base URL '" + base + "' is not a URL: expected an absolute http or https "
                    + "URL such as http://127.0.0.1:8000");
        }
        write(Path.of(file), export.workflow(uri));
        return "workflow written to " + file;
    }

    /** As a whole: a temporary file beside it, renamed over it. */
    private static void write(Path file, String content) {
        Path target = file.toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) {
            throw new CascadenceException("cannot write " + file + ": the folder " + target.getParent()
                    + " does not exist");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CascadenceException("cannot write " + file + ": " + e, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // A leftover temporary file starts with a dot and is harmless.
                }
            }
        }
    }
}
