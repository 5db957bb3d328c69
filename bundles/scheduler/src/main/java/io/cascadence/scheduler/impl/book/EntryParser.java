package io.cascadence.scheduler.impl.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import io.cascadence.api.Identity;
import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;

/**
 * Reads one {@code schedules.yml} entry: a bare cron string, or a mapping with {@code expr} and the optional keys
 * below. Plain ids come from the sidecar when the entry has a hash, else from a {@code user_id}/{@code group_id}
 * the user wrote (migrated to hashes on the next write, as the original did). One parser serves one load.
 */
final class EntryParser {

    static final Set<String> KEYS = Set.of("expr", "timezone", "misfire", "overlap", "deps", "user_hash",
            "group_hash", "user_id", "group_id");

    private final Map<String, Map<String, String>> sidecar;
    // A file often repeats an expression; parsing each text once keeps a 10,000-entry file fast to load.
    private final Map<String, CronExpression> parsed = new HashMap<>();

    /** @param sidecar task to {@code user_id}/{@code group_id}, as read from {@code <file>.ctx} */
    EntryParser(Map<String, Map<String, String>> sidecar) {
        this.sidecar = sidecar;
    }

    /** @throws InvalidScheduleException saying what is wrong with the entry */
    BookEntry parse(String task, Node value) {
        TaskNames.check(task);
        if (value instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return BookEntry.of(new Schedule(task, cron(scalar.getValue()), null, null, null, null));
        }
        if (!(value instanceof MappingNode mapping)) {
            throw new InvalidScheduleException("an entry must be a cron expression or a mapping with 'expr' and/or "
                    + "'deps'");
        }
        Map<String, Node> keys = keys(mapping);
        String expr = text(keys, "expr");
        List<String> deps = deps(keys.get("deps"));
        if (expr == null) {
            for (String key : List.of("timezone", "misfire", "overlap", "user_hash", "group_hash", "user_id",
                    "group_id")) {
                if (keys.containsKey(key)) {
                    throw new InvalidScheduleException("'" + key + "' needs 'expr' (a cron expression)");
                }
            }
            if (deps.isEmpty()) {
                throw new InvalidScheduleException("a mapping needs 'expr' (a cron expression) or 'deps' (a list "
                        + "of task names)");
            }
            return new BookEntry(task, null, deps, null, null);
        }
        Schedule schedule = new Schedule(task, cron(expr), Schedule.zone(text(keys, "timezone")), null,
                MisfirePolicy.parse(text(keys, "misfire")), OverlapPolicy.parse(text(keys, "overlap")));
        String[] user = id(task, keys, "user");
        String[] group = id(task, keys, "group");
        return new BookEntry(task, schedule.withIdentity(new Identity(user[0], group[0])), deps, user[1], group[1]);
    }

    private CronExpression cron(String text) {
        CronExpression known = parsed.get(text);
        if (known == null) {
            known = CronExpression.parse(text);
            parsed.put(text, known);
        }
        return known;
    }

    /** {plain id or null, hash of an unknown id or null} for {@code user} or {@code group}. */
    private String[] id(String task, Map<String, Node> keys, String which) {
        String hash = text(keys, which + "_hash");
        String plain = text(keys, which + "_id");
        String fromSidecar = sidecar.getOrDefault(task, Map.of()).get(which + "_id");
        if (hash == null && plain == null) {
            return new String[2];
        }
        if (fromSidecar != null) {
            return new String[] {fromSidecar, null};
        }
        // As the original: a plain id is hashed on write, and so is a "hash" that is not one.
        String known = plain != null && !IdentityHash.isHash(plain) ? plain
                : hash != null && !IdentityHash.isHash(hash) ? hash : null;
        return known != null ? new String[] {known, null} : new String[] {null, hash != null ? hash : plain};
    }

    private static Map<String, Node> keys(MappingNode mapping) {
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !KEYS.contains(key)) {
                throw new InvalidScheduleException("unknown key " + (key == null ? "(not a string)" : "'" + key
                        + "'") + ": accepted are expr, timezone, misfire, overlap, deps, user_hash, group_hash, "
                        + "user_id and group_id");
            }
            if (keys.put(key, tuple.getValueNode()) != null) {
                throw new InvalidScheduleException("'" + key + "' is given twice");
            }
        }
        return keys;
    }

    /** The text of {@code key}, or {@code null} when absent or null. */
    private static String text(Map<String, Node> keys, String key) {
        Node node = keys.get(key);
        if (node == null || node instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new InvalidScheduleException("'" + key + "' must be a string");
        }
        return scalar.getValue();
    }

    private static List<String> deps(Node node) {
        if (node == null || node instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new InvalidScheduleException("'deps' must be a list of task names");
        }
        List<String> names = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new InvalidScheduleException("'deps' must be a list of task names");
            }
            names.add(scalar.getValue());
        }
        try {
            return TaskNames.checkAll(names);
        } catch (InvalidScheduleException e) {
            throw new InvalidScheduleException("'deps': " + e.getMessage());
        }
    }
}
