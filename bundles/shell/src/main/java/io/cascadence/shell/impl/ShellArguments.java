package io.cascadence.shell.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cascadence.api.InvalidRequestException;

/**
 * The words of a Gogo command whose name has a dash ({@code task:pointer-add}). Gogo finds a command's method by
 * its name, and no Java method is called {@code pointer-add}; such commands go to a {@code _main} method, which
 * gets the command's name and its words as they were typed, and reads its options here: {@code --group-id ID}
 * (or {@code -g ID}), as the other commands' {@code @Parameter}s take them.
 *
 * @param positional the words that are not options, in order
 * @param options each option's value, by its long name without dashes ({@code group-id})
 */
record ShellArguments(List<String> positional, Map<String, String> options) {

    /**
     * @param words what followed the command's name
     * @param names the options the command takes: long name without dashes to its one-letter short form
     * @param arguments the names of the positional arguments, for the message when one is missing or extra
     * @throws InvalidRequestException naming the option or argument that is wrong, and the command's usage
     */
    static ShellArguments parse(String command, List<?> words, Map<String, String> names, List<String> arguments) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = String.valueOf(words.get(i));
            String option = option(command, word, names);
            if (option == null) {
                positional.add(word);
                continue;
            }
            if (i + 1 >= words.size()) {
                throw new InvalidRequestException(command + ": option " + word + " needs a value; usage: "
                        + usage(command, names, arguments));
            }
            options.put(option, String.valueOf(words.get(++i)));
        }
        if (positional.size() != arguments.size()) {
            String problem = positional.size() < arguments.size()
                    ? "missing argument " + arguments.get(positional.size())
                    : "unexpected argument '" + positional.get(arguments.size()) + "'";
            throw new InvalidRequestException(command + ": " + problem + "; usage: "
                    + usage(command, names, arguments));
        }
        return new ShellArguments(List.copyOf(positional), Map.copyOf(options));
    }

    /** The option's value, or {@code null} when it was not given. */
    String option(String name) {
        return options.get(name);
    }

    private static String option(String command, String word, Map<String, String> names) {
        if (word.startsWith("--") && names.containsKey(word.substring(2))) {
            return word.substring(2);
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (word.equals("-" + name.getValue())) {
                return name.getKey();
            }
        }
        if (word.startsWith("-") && word.length() > 1 && !Character.isDigit(word.charAt(1))) {
            throw new InvalidRequestException(command + ": no such option: " + word);
        }
        return null;
    }

    static String usage(String command, Map<String, String> names, List<String> arguments) {
        StringBuilder usage = new StringBuilder("task:").append(command);
        new java.util.TreeMap<>(names).forEach((name, letter) -> usage.append(" [-").append(letter).append(' ')
                .append(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')).append(']'));
        arguments.forEach(argument -> usage.append(' ').append(argument));
        return usage.toString();
    }
}
