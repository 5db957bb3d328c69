/**
 * The effective configuration of Cascadence (PID {@code io.cascadence}) and where each value came from.
 */
@Export
@Version("1.0.0")
package io.cascadence.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
