/**
 * What scheduler backends build on: the {@link io.cascadence.api.spi.RunExecutor} that runs tasks through the
 * pipeline, and the {@link io.cascadence.api.spi.SchedulerBackend} service a backend registers.
 */
@Export
@Version("1.1.0")
package io.cascadence.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
