package io.cascadence.console.impl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Job;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code cascadence>} prompt of {@code bin/cascadence} in a terminal: any Gogo command ({@code task:list},
 * {@code lb}, {@code help}, ...), with history and command-name completion. Ctrl-C at the prompt, Ctrl-D,
 * {@code exit} or the end of piped input stop the container cleanly; Ctrl-C while a command runs interrupts it.
 * Gogo's own shell would only redraw the prompt on Ctrl-C, which is not what a foreground server should do.
 */
@Component(service = {}, immediate = true)
public class ConsoleComponent {

    private static final String PROMPT = "cascadence> ";

    @Reference
    private CommandProcessor processor;

    private BundleContext context;
    private Terminal terminal;
    private Thread thread;

    @Activate
    void activate(BundleContext bundleContext) throws IOException {
        this.context = bundleContext;
        // JLine finds its terminal providers (exec, ffm, ...) through the context class loader.
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(TerminalBuilder.class.getClassLoader());
        try {
            terminal = TerminalBuilder.builder().system(true).name("cascadence").build();
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
        thread = new Thread(this::loop, "cascadence-console");
        thread.start();
    }

    @Deactivate
    void deactivate() throws IOException {
        thread.interrupt();
        terminal.close();
    }

    private void loop() {
        PrintWriter out = terminal.writer();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("cascadence")
                .completer(new StringsCompleter(commandNames()))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .build();
        out.println("Type help for the commands, task:list for the tasks; Ctrl-C or exit stops Cascadence.");
        try (CommandSession session = processor.createSession(terminal.input(), terminal.output(),
                terminal.output())) {
            while (!Thread.currentThread().isInterrupted()) {
                String line;
                try {
                    line = reader.readLine(PROMPT).strip();
                } catch (UserInterruptException | EndOfFileException e) {
                    break;
                }
                if (line.equals("exit") || line.equals("quit")) {
                    break;
                }
                if (!line.isEmpty()) {
                    execute(session, line, out);
                }
            }
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                out.println("error: the console failed: " + e);
            }
        }
        if (!Thread.currentThread().isInterrupted()) {
            out.println("Stopping Cascadence...");
            out.flush();
            stopFramework();
        }
    }

    private void execute(CommandSession session, String line, PrintWriter out) {
        Thread self = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            // The command runs in a Gogo job of its own: it is interrupted too, so the job ends and the console
            // takes the next command (otherwise "a job is already in foreground" until the command returns).
            Job job = session.foregroundJob();
            if (job != null) {
                job.interrupt();
            }
            self.interrupt();
        });
        try {
            Object result = session.execute(line);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (InterruptedException e) {
            out.println("interrupted (a run the command started goes on; task:runs shows it)");
        } catch (Exception e) {
            out.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted(); // an interrupted command must not end the console
            out.flush();
        }
    }

    private void stopFramework() {
        // The framework stops this bundle on the way, so stop it from a thread that is not the console's.
        new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                // Already stopping.
            }
        }, "cascadence-console-stop").start();
    }

    private List<String> commandNames() {
        TreeSet<String> names = new TreeSet<>(List.of("exit"));
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(" + CommandProcessor.COMMAND_FUNCTION + "=*)");
            for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                Object scope = reference.getProperty(CommandProcessor.COMMAND_SCOPE);
                for (String function : functions(reference.getProperty(CommandProcessor.COMMAND_FUNCTION))) {
                    names.add(scope + ":" + function);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(names);
    }

    private static List<String> functions(Object property) {
        if (property instanceof String[] array) {
            return List.of(array);
        }
        return property == null ? List.of() : List.of(property.toString());
    }

    private Path historyFile() {
        String data = context.getProperty("cascadence.data");
        return Path.of(data == null ? "." : data).resolve(".console_history");
    }
}
