package io.cascadence.web.impl.n8n;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Node names of one workflow. n8n identifies nodes by name (connections are keyed by it), so every name must be
 * unique; this hands out names that are, whatever was asked for: blanks and control characters become single
 * spaces, a name is cut to {@link #MAX_LENGTH} characters, and a name taken already, ignoring case, gets a
 * {@code " (2)"}, {@code " (3)"}, ... suffix within that length.
 */
public final class NodeNames {

    /** The longest name handed out, in characters (code points). */
    public static final int MAX_LENGTH = 120;

    private final Set<String> taken = new HashSet<>();

    /** A unique name as close to {@code wanted} as the rules allow. */
    public String claim(String wanted) {
        String base = normalise(wanted);
        String name = base;
        for (int n = 2; !taken.add(key(name)); n++) {
            String suffix = " (" + n + ")";
            name = cut(base, MAX_LENGTH - suffix.length()).stripTrailing() + suffix;
        }
        return name;
    }

    static String normalise(String wanted) {
        String text = wanted == null ? "" : wanted.replaceAll("[\\p{Cntrl}\\p{Z}\\s]+", " ").strip();
        return text.isEmpty() ? "Node" : cut(text, MAX_LENGTH).stripTrailing();
    }

    private static String cut(String text, int length) {
        if (text.codePointCount(0, text.length()) <= length) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, length));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
