package io.cascadence.scheduler.impl.book;

import java.util.Map;
import java.util.TreeMap;

import io.cascadence.api.Identity;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;

/**
 * Turns an entry into what {@code schedules.yml} and its sidecar hold, in the original's shape: a bare cron string
 * when nothing else is to be said, else a mapping with sorted keys where only what differs from the defaults is
 * written.
 */
final class EntryWriter {

    private final IdentityHash hash;

    EntryWriter(IdentityHash hash) {
        this.hash = hash;
    }

    /** A {@code String} or a sorted {@code Map} for the YAML representer. */
    Object value(BookEntry entry) {
        Map<String, Object> mapping = new TreeMap<>();
        if (!entry.deps().isEmpty()) {
            mapping.put("deps", entry.deps());
        }
        Schedule schedule = entry.schedule();
        if (schedule == null) {
            return mapping;
        }
        mapping.put("expr", schedule.expression().text());
        if (schedule.zone() != null) {
            mapping.put("timezone", schedule.zone().getId());
        }
        if (schedule.misfire() != MisfirePolicy.DEFAULT) {
            mapping.put("misfire", schedule.misfire().configName());
        }
        if (schedule.overlap() != OverlapPolicy.DEFAULT) {
            mapping.put("overlap", schedule.overlap().configName());
        }
        Identity identity = schedule.identity();
        putIfSet(mapping, "user_hash", identity.userId() != null ? hash.hash(identity.userId()) : entry.userHash());
        putIfSet(mapping, "group_hash", identity.groupId() != null ? hash.hash(identity.groupId())
                : entry.groupHash());
        return mapping.size() == 1 ? schedule.expression().text() : mapping;
    }

    /** The sidecar's {@code {user_id, group_id}} for the entry, or {@code null} when it runs for nobody. */
    static Map<String, String> sidecar(BookEntry entry) {
        if (entry.schedule() == null) {
            return null;
        }
        Identity identity = entry.schedule().identity();
        Map<String, String> ids = new TreeMap<>();
        putIfSet(ids, "group_id", identity.groupId());
        putIfSet(ids, "user_id", identity.userId());
        return ids.isEmpty() ? null : ids;
    }

    private static <T> void putIfSet(Map<String, T> mapping, String key, T value) {
        if (value != null) {
            mapping.put(key, value);
        }
    }
}
