/**
 * What a UME transport bundle implements: a {@link io.cascadence.ume.spi.UmeConnector} service that opens
 * {@link io.cascadence.ume.spi.UmeConnection}s to its server. The UME bundle owns everything else: encoding the
 * events, the bounded outbox, ordering, retries, status, and pointer sync.
 */
@Export
@Version("1.0.0")
package io.cascadence.ume.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
