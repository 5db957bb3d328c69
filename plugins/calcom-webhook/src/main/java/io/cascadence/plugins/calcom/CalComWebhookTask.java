package io.cascadence.plugins.calcom;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.Intake;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;
import io.cascadence.api.WebhookSource;
import io.cascadence.api.WebhookTask;

/**
 * The original's {@code CalComWebhookTask}: Cal.com deliveries to {@code POST /webhook/calcom} run it, and for a
 * booking its result is the booking's event name. Two shapes are understood: the original's, an event type
 * {@code booking} with the name in the body's {@code event}; and what Cal.com sends,
 * {@code {"triggerEvent": "BOOKING_CREATED", "payload": {"eventTitle", "title", "type", "startTime", ...}}},
 * whose name is the event type's title ({@code eventTitle}, else the booking's {@code title}, else the event type's
 * slug {@code type}). Other events succeed with a result saying they were ignored.
 */
@Component(service = Task.class)
@TaskName(CalComWebhookTask.NAME)
@WebhookSource("calcom")
public class CalComWebhookTask implements WebhookTask, Intake {

    static final String NAME = "calcom_webhook";

    @Override
    public Object intake(RunContext context) {
        if (context.input() instanceof Map<?, ?> input && input.get(PAYLOAD) instanceof Map<?, ?> payload) {
            return new Delivery(String.valueOf(input.get(EVENT)), payload);
        }
        throw new IllegalArgumentException("the run's input is not a Cal.com delivery ({\"source\", \"event\", "
                + "\"payload\": {...}}); Cal.com's deliveries to POST /webhook/calcom bring one");
    }

    @Override
    public Object run(RunContext context) {
        Delivery delivery = (Delivery) context.intakeResult();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("trigger", delivery.event());
        if (delivery.event().equals("booking")) {
            Object name = delivery.payload().get("event");
            if (name == null) {
                return "ignored: the booking has no event";
            }
            result.put("event", name);
            return result;
        }
        if (!delivery.event().startsWith("BOOKING_")) {
            return "ignored: a '" + delivery.event() + "' event; this task records bookings";
        }
        Map<?, ?> booking = delivery.payload().get("payload") instanceof Map<?, ?> inner ? inner : Map.of();
        Object name = first(booking, "eventTitle", "title", "type");
        if (name == null) {
            return "ignored: the booking has no eventTitle, title or type";
        }
        result.put("event", name);
        if (booking.get("startTime") != null) {
            result.put("start_time", booking.get("startTime"));
        }
        return result;
    }

    private static Object first(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            Object value = map.get(key);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** A delivery as the intake read it: the event type and the JSON body. */
    record Delivery(String event, Map<?, ?> payload) {
    }
}
