/** What parts of Cascadence tell {@code GET /health} beyond their bundle's state. */
@Export
@Version("1.2.0")
package io.cascadence.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
