package io.cascadence.api.health;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the container that can be up yet not well: a store whose file cannot be read or written, an event
 * listener that drops events, a transport that cannot reach its server. Register one as an OSGi service;
 * {@code GET /health} lists every warning under {@code "warnings"}, without turning the container DOWN.
 */
@ConsumerType
public interface HealthContributor {

    /** What is wrong now, each naming the part and what to do; empty when all is well. Must answer quickly. */
    List<String> warnings();
}
