package io.cascadence.temporal.impl;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.TaskProperties;

/**
 * The {@link TaskProperties#TASK_ATTEMPTS} of the task services there are, by task name. Of two services claiming
 * one name the registry's winner counts: the higher {@code service.ranking}, then the older service.
 */
final class TaskAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(TaskAttempts.class);
    private static final Comparator<Declared> PRECEDENCE = Comparator.comparingInt(Declared::ranking).reversed()
            .thenComparingLong(Declared::serviceId);

    private final Map<Long, Declared> byService = new ConcurrentHashMap<>();

    private record Declared(String name, long serviceId, int ranking, Integer attempts) {
    }

    /** A task service's properties, when it comes or changes. */
    void put(Map<String, Object> properties) {
        long serviceId = ((Number) properties.get("service.id")).longValue();
        Object name = properties.get(TaskProperties.TASK_NAME);
        Object ranking = properties.get("service.ranking");
        byService.put(serviceId, new Declared(name instanceof String s ? s : null, serviceId,
                ranking instanceof Integer i ? i : 0, attempts(properties.get(TaskProperties.TASK_ATTEMPTS), name,
                        serviceId)));
    }

    void remove(Map<String, Object> properties) {
        byService.remove(((Number) properties.get("service.id")).longValue());
    }

    /** The attempts the task's service declares, or {@code null} when it declares none (or there is no service). */
    Integer of(String taskName) {
        return byService.values().stream().filter(d -> taskName.equals(d.name())).min(PRECEDENCE)
                .map(Declared::attempts).orElse(null);
    }

    private static Integer attempts(Object value, Object name, long serviceId) {
        if (value == null) {
            return null;
        }
        try {
            long attempts = value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
                    : Long.parseLong(value.toString().strip());
            if (attempts >= 1 && attempts <= Integer.MAX_VALUE) {
                return (int) attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("Task service {} (service {}): {} = '{}' is ignored: expected a whole number of attempts, at least 1",
                name, serviceId, TaskProperties.TASK_ATTEMPTS, value);
        return null;
    }
}
