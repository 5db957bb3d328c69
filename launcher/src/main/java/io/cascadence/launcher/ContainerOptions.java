package io.cascadence.launcher;

import java.nio.file.Path;

/**
 * How to start one container process.
 *
 * @param host the address HTTP binds to
 * @param port the HTTP port
 * @param shell whether to start the Gogo shell on this terminal
 * @param cache the framework cache folder, wiped at every start
 */
public record ContainerOptions(String host, int port, boolean shell, Path cache) {
}
