package io.cascadence.web.impl;

/**
 * What the health check needs to know of one bundle.
 *
 * @param name symbolic name
 * @param version version
 * @param state OSGi state name: INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE
 * @param fragment whether it is a fragment (never ACTIVE by design; RESOLVED once attached to its host)
 * @param plugin whether it was dropped into plugins/
 * @param location where it was installed from
 */
record BundleView(String name, String version, String state, boolean fragment, boolean plugin, String location) {

    boolean cascadence() {
        return name != null && name.startsWith("io.cascadence.");
    }

    /** Active; for a fragment, which is never active, resolved (attached to its host). */
    boolean healthy() {
        return fragment ? "RESOLVED".equals(state) : "ACTIVE".equals(state);
    }
}
