package io.cascadence.plugins.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunContext;

/** What a Cal.com delivery's run records, in the original's shape and in the one Cal.com sends. */
class CalComWebhookTaskTest {

    private final CalComWebhookTask task = new CalComWebhookTask();

    @Test
    void aBookingAsCalComSendsItRecordsTheEventTitleAndStart() throws Exception {
        Object result = deliver("BOOKING_CREATED", Map.of("triggerEvent", "BOOKING_CREATED",
                "payload", Map.of("type", "intro", "title", "Intro call between Ada and Bo", "eventTitle", "Intro call",
                        "startTime", "2026-12-07T09:00:00Z")));

        assertThat(result).isEqualTo(Map.of("trigger", "BOOKING_CREATED", "event", "Intro call",
                "start_time", "2026-12-07T09:00:00Z"));
    }

    @Test
    void withoutAnEventTitleTheBookingsTitleThenItsTypeNameIt() throws Exception {
        assertThat(deliver("BOOKING_CANCELLED", Map.of("payload", Map.of("title", "Intro", "type", "intro"))))
                .isEqualTo(Map.of("trigger", "BOOKING_CANCELLED", "event", "Intro"));
        assertThat(deliver("BOOKING_CANCELLED", Map.of("payload", Map.of("type", "intro"))))
                .isEqualTo(Map.of("trigger", "BOOKING_CANCELLED", "event", "intro"));
    }

    @Test
    void theOriginalsBookingShapeRecordsItsEvent() throws Exception {
        assertThat(deliver("booking", Map.of("event", "Demo"))).isEqualTo(Map.of("trigger", "booking", "event", "Demo"));
    }

    @Test
    void otherEventsAreIgnoredSayingSo() throws Exception {
        assertThat(deliver("FORM_SUBMITTED", Map.of())).isEqualTo("ignored: a 'FORM_SUBMITTED' event; this task "
                + "records bookings");
        assertThatThrownBy(() -> task.intake(context("text", null)))
                .hasMessageStartingWith("the run's input is not a Cal.com delivery");
    }

    private Object deliver(String event, Map<String, Object> payload) throws Exception {
        Object delivery = task.intake(context(Map.of("source", "calcom", "event", event, "payload", payload), null));
        return task.run(context(null, delivery));
    }

    private static RunContext context(Object input, Object intakeResult) {
        return (RunContext) Proxy.newProxyInstance(RunContext.class.getClassLoader(),
                new Class<?>[] {RunContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "input" -> input;
                    case "intakeResult" -> intakeResult;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
