package io.cascadence.core.impl.plugins;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Bundle-Version, compared as OSGi compares them (numbers, then the qualifier as text). */
record PluginVersion(int major, int minor, int micro, String qualifier) implements Comparable<PluginVersion> {

    static final PluginVersion NONE = new PluginVersion(0, 0, 0, "");

    private static final Pattern SYNTAX =
            Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.([0-9A-Za-z_-]+))?)?)?");
    private static final Comparator<PluginVersion> ORDER = Comparator.comparingInt(PluginVersion::major)
            .thenComparingInt(PluginVersion::minor).thenComparingInt(PluginVersion::micro)
            .thenComparing(PluginVersion::qualifier);

    /**
     * @param header the Bundle-Version header, or {@code null} when there is none (version 0.0.0, as OSGi says)
     * @throws IllegalArgumentException naming the value and the accepted form
     */
    static PluginVersion parse(String header) {
        if (header == null) {
            return NONE;
        }
        Matcher matcher = SYNTAX.matcher(header.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("its Bundle-Version '" + header
                    + "' is not a version (major[.minor[.micro[.qualifier]]], e.g. 1.2.0)");
        }
        return new PluginVersion(number(matcher.group(1)), number(matcher.group(2)), number(matcher.group(3)),
                matcher.group(4) == null ? "" : matcher.group(4));
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    @Override
    public int compareTo(PluginVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }
}
