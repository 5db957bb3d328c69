package io.cascadence.api;

/**
 * A task registered by path: a class of an installed bundle, instantiated by Cascadence.
 *
 * @param path {@code <bundle symbolic name>:<fully qualified class name>}
 * @param name the name it is registered under
 * @param schedule its cron expression, or {@code null}
 */
public record TaskPath(String path, String name, String schedule) {
}
