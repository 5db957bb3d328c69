/**
 * The effective configuration of Cascadence: every configuration PID ({@code io.cascadence},
 * {@code io.cascadence.web}, {@code io.cascadence.scheduler}, ...), each value's source, and the problems found.
 */
@Export
@Version("1.0.0")
package io.cascadence.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
