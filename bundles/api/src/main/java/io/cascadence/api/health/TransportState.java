package io.cascadence.api.health;

/**
 * How the event transport is doing now: one snapshot, as {@code GET /health} lists it under {@code "transports"}
 * and {@code /metrics} exposes it as {@code cascadence_ume_*}.
 *
 * @param transport the transport's name: {@code nats} or {@code grpc}, as {@code ume_transport} names it
 * @param state {@code connected} (events leave as they come), {@code disconnected} (the server cannot be reached;
 *        events wait in the buffer), {@code unavailable} (the transport's bundle is not installed or not active) or
 *        {@code misconfigured} (a setting is wrong; {@code lastError} says which)
 * @param target where events go: the NATS server URL and subject, or the gRPC target and method
 * @param backlog events waiting in the buffer now
 * @param capacity the most events the buffer holds ({@code ume_buffer}); beyond it the oldest are dropped
 * @param delivered events delivered since the container started (acknowledged by the server in JetStream mode)
 * @param dropped events dropped since the container started because the buffer was full
 * @param lastError the last delivery or connection error, or {@code null} when there was none since the last
 *        delivery
 * @param pointerSync {@code off}; {@code on} while pointer updates of other installations are received and
 *        stored ({@code ume_pointer_sync}); {@code broadcast} when they are also re-emitted
 *        ({@code ume_broadcast_pointers}); {@code failed: } and the reason when the subscription could not be made
 * @since 1.2.0
 */
public record TransportState(String transport, String state, String target, int backlog, int capacity,
        long delivered, long dropped, String lastError, String pointerSync) {
}
