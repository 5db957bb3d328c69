package io.cascadence.scheduler.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task services present, by task name. When two services claim one name the registry uses the one with the
 * higher ranking (then the lower service id); so does this, so that the schedule a task carries is that of the
 * service that runs it.
 *
 * @param <R> a service's key, ordered as OSGi orders services (the greatest is preferred)
 */
final class TaskServices<R extends Comparable<? super R>> {

    private final Map<String, TreeMap<R, Map<String, Object>>> byName = new HashMap<>();

    /** Records a service; returns the properties now in effect for its name. */
    synchronized Map<String, Object> add(String name, R reference, Map<String, Object> properties) {
        TreeMap<R, Map<String, Object>> services = byName.computeIfAbsent(name, n -> new TreeMap<>());
        services.put(reference, properties);
        return services.lastEntry().getValue();
    }

    /** Forgets a service; returns the properties of the service that now has the name, if any is left. */
    synchronized Optional<Map<String, Object>> remove(String name, R reference) {
        TreeMap<R, Map<String, Object>> services = byName.get(name);
        if (services == null) {
            return Optional.empty();
        }
        services.remove(reference);
        if (services.isEmpty()) {
            byName.remove(name);
            return Optional.empty();
        }
        return Optional.of(services.lastEntry().getValue());
    }

    /** Every name with the properties in effect for it. */
    synchronized Map<String, Map<String, Object>> current() {
        Map<String, Map<String, Object>> current = new HashMap<>();
        byName.forEach((name, services) -> current.put(name, services.lastEntry().getValue()));
        return current;
    }

    /** A service's place in OSGi order: a higher ranking, then a lower id, is greater (preferred). */
    record Key(int ranking, long id) implements Comparable<Key> {

        static Key of(Map<String, Object> properties) {
            Object ranking = properties.get("service.ranking");
            Object id = properties.get("service.id");
            return new Key(ranking instanceof Integer value ? value : 0, id instanceof Long value ? value : 0L);
        }

        @Override
        public int compareTo(Key other) {
            int byRanking = Integer.compare(ranking, other.ranking);
            return byRanking != 0 ? byRanking : Long.compare(other.id, id);
        }
    }
}
