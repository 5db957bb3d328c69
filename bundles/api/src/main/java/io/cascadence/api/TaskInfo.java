package io.cascadence.api;

/**
 * A registered task as users see it.
 *
 * @param name the name it is registered under
 * @param disabled whether runs are refused until it is enabled again
 * @param paused whether runs are refused until it is resumed
 * @param bundle the symbolic name of the bundle that contributed it
 * @param bundleVersion that bundle's version
 */
public record TaskInfo(String name, boolean disabled, boolean paused, String bundle, String bundleVersion) {
}
