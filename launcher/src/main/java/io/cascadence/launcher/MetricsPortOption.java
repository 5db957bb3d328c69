package io.cascadence.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The global option {@code --metrics-port PORT} (or {@code --metrics-port=PORT}) of {@code bin/cascadence} and
 * {@code bin/task}, as the original's: also serve {@code /metrics} on that port while the process runs.
 *
 * @param port the port, 1 to 65535, or 0 when the option was not given
 * @param rest the arguments after the global options, in order
 */
public record MetricsPortOption(int port, List<String> rest) {

    public static final String NAME = "--metrics-port";

    /**
     * Takes the option from the arguments before the first one that is not a global option.
     *
     * @throws IllegalArgumentException naming the problem: a missing value, a value that is not a port number
     */
    public static MetricsPortOption parse(String[] args) {
        int port = 0;
        int i = 0;
        while (i < args.length && (args[i].equals(NAME) || args[i].startsWith(NAME + "="))) {
            String value;
            if (args[i].equals(NAME)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option '" + NAME + "' requires an argument.");
                }
                value = args[i + 1];
                i += 2;
            } else {
                value = args[i].substring(NAME.length() + 1);
                i++;
            }
            port = port(value);
        }
        return new MetricsPortOption(port, List.copyOf(new ArrayList<>(List.of(args).subList(i, args.length))));
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid value for '" + NAME + "': '" + value
                + "' is not a port number from 1 to 65535.");
    }
}
