/**
 * Events: what the pipeline and the schedulers tell the rest of the world, in the shape of the original's UME
 * messages. Identities in events are always hashes.
 */
@Export
@Version("1.1.0")
package io.cascadence.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
