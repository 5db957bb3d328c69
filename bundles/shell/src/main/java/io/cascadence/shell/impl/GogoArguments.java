package io.cascadence.shell.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cascadence.api.CascadenceException;

/**
 * The arguments of a command whose method is Gogo's {@code _main}, which gets them unparsed, after the name the
 * command was called by: options
 * ({@code -b URL}, {@code --base-url URL}, {@code --base-url=URL}) by their long name, and the positional arguments.
 *
 * @param options option values by long name without dashes
 * @param positional the other arguments, in order
 */
record GogoArguments(Map<String, String> options, List<String> positional) {

    /**
     * @param command the command's name, for messages
     * @param names long option names by their short and long forms ({@code "-b"} and {@code "--base-url"} to
     *        {@code "base-url"})
     * @param positional the names of the positional arguments, all required
     * @throws CascadenceException naming an unknown option, a missing value or argument, or an extra argument
     */
    static GogoArguments parse(String command, Object[] args, Map<String, String> names, List<String> positional) {
        Map<String, String> options = new HashMap<>();
        List<String> values = new ArrayList<>();
        // args[0] is the name the command was called by (export-n8n or exportN8n).
        for (int i = 1; i < args.length; i++) {
            String arg = String.valueOf(args[i]);
            if (!arg.startsWith("-") || arg.equals("-")) {
                values.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            String name = names.get(flag);
            if (name == null) {
                throw new CascadenceException(command + ": no such option " + flag + " (accepted: "
                        + String.join(", ", names.keySet().stream().sorted().toList()) + ")");
            }
            if (eq > 0) {
                options.put(name, arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(name, String.valueOf(args[++i]));
            } else {
                throw new CascadenceException(command + ": option " + flag + " needs a value");
            }
        }
        if (values.size() < positional.size()) {
            throw new CascadenceException(command + ": missing " + positional.get(values.size()));
        }
        if (values.size() > positional.size()) {
            throw new CascadenceException(command + ": unexpected extra argument '" + values.get(positional.size())
                    + "' (quote an argument that holds blanks)");
        }
        return new GogoArguments(Map.copyOf(options), List.copyOf(values));
    }

    String option(String name) {
        return options.getOrDefault(name, "");
    }
}
