package io.cascadence.launcher.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.cascadence.launcher.MetricsPortOption;
import io.cascadence.launcher.RuntimeInfo;

/**
 * The options of {@code bin/task} before the command, as the original's: {@code --metrics-port PORT}, the UME
 * transport ({@code --transport grpc|nats}, {@code --grpc-stub}, {@code --grpc-method}, {@code --nats-url},
 * {@code --nats-subject}) and {@code --token}, which every command also takes after it. Each is
 * {@code --option VALUE} or {@code --option=VALUE}.
 *
 * @param metricsPort {@code --metrics-port}, or 0
 * @param settings the transport options' values by the environment variable they set for this one command
 *        ({@code UME_TRANSPORT}), in the order given; empty for none
 * @param rest the command and its arguments, with a {@code --token} given before the command moved after them
 */
record GlobalOptions(int metricsPort, Map<String, String> settings, List<String> rest) {

    private static final String TOKEN = "--token";

    /** An option that sets a key of {@code io.cascadence.transport} for the command's private container. */
    private record Setting(String option, String variable, String key) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("--transport", "UME_TRANSPORT", "ume_transport"),
            new Setting("--grpc-stub", "UME_GRPC_STUB", "ume_grpc_stub"),
            new Setting("--grpc-method", "UME_GRPC_METHOD", "ume_grpc_method"),
            new Setting("--nats-url", "UME_NATS_CONN", "ume_nats_conn"),
            // The original's name for it, where it named a Python connection object; here too a server URL.
            new Setting("--nats-conn", "UME_NATS_CONN", "ume_nats_conn"),
            new Setting("--nats-subject", "UME_NATS_SUBJECT", "ume_nats_subject"));

    private static final List<String> TRANSPORTS = List.of("grpc", "nats");

    GlobalOptions {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        rest = List.copyOf(rest);
    }

    /** @throws CommandLine.UsageException naming the option and what it accepts */
    static GlobalOptions parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        // --token is an option of every command, and may come before it too: it is moved after the command's own
        // arguments, where the command's parser takes it.
        List<String> tokens = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        int port = 0;
        while (!rest.isEmpty()) {
            String first = rest.get(0);
            Optional<Setting> setting = SETTINGS.stream().filter(s -> named(first, s.option())).findFirst();
            if (named(first, TOKEN)) {
                int taken = first.equals(TOKEN) ? 2 : 1;
                value(rest, TOKEN, "");
                tokens.addAll(rest.subList(0, taken));
                rest.subList(0, taken).clear();
            } else if (named(first, MetricsPortOption.NAME)) {
                try {
                    MetricsPortOption option = MetricsPortOption.parse(rest.toArray(String[]::new));
                    port = option.port();
                    rest = new ArrayList<>(option.rest());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.UsageException(e.getMessage());
                }
            } else if (setting.isPresent()) {
                String option = setting.get().option();
                boolean transport = option.equals("--transport");
                String value = value(rest, option, transport ? " (" + String.join(" or ", TRANSPORTS) + ")" : "");
                if (transport && !TRANSPORTS.contains(value)) {
                    throw new CommandLine.UsageException("Invalid value for '--transport': '" + value
                            + "' is not one of " + TRANSPORTS.stream().map(t -> "'" + t + "'")
                                    .collect(Collectors.joining(", ")) + ".");
                }
                if (value.isBlank()) {
                    throw new CommandLine.UsageException("Invalid value for '" + option + "': it is empty.");
                }
                settings.put(setting.get().variable(), value.strip());
                rest.subList(0, first.equals(option) ? 2 : 1).clear();
            } else {
                break;
            }
        }
        boolean helpOnly = rest.size() == 1 && (rest.get(0).equals("--help") || rest.get(0).equals("-h")
                || rest.get(0).equals("help"));
        if (!helpOnly) {
            rest.addAll(tokens);
        }
        return new GlobalOptions(port, settings, rest);
    }

    /**
     * What to say when the command goes to a running container: the transport options set up only a container
     * this command starts; the running one takes its transport from its configuration, applied while it runs.
     */
    String transportNotice(RuntimeInfo owner) {
        // One option per variable: --nats-conn is named as --nats-url, its first name.
        Map<String, Setting> byVariable = new LinkedHashMap<>();
        SETTINGS.stream().filter(s -> settings.containsKey(s.variable()))
                .forEach(s -> byVariable.putIfAbsent(s.variable(), s));
        List<Setting> given = List.copyOf(byVariable.values());
        return "note: " + given.stream().map(Setting::option).collect(Collectors.joining(", "))
                + (given.size() == 1 ? " is" : " are") + " not used: the running Cascadence (pid " + owner.pid()
                + ") sends events over the transport of its configuration; to change it, set "
                + given.stream().map(Setting::key).collect(Collectors.joining(", "))
                + " in config/io.cascadence.transport.cfg (applied while it runs)";
    }

    private static boolean named(String arg, String option) {
        return arg.equals(option) || arg.startsWith(option + "=");
    }

    /** The value of the option {@code rest} starts with, in either form. */
    private static String value(List<String> rest, String option, String expected) {
        String first = rest.get(0);
        if (!first.equals(option)) {
            return first.substring(option.length() + 1);
        }
        if (rest.size() < 2) {
            throw new CommandLine.UsageException("Option '" + option + "' requires an argument" + expected + ".");
        }
        return rest.get(1);
    }
}
