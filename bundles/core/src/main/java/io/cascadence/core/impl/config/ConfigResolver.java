package io.cascadence.core.impl.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cascadence.api.config.ConfigSource;

/**
 * Merges defaults, the cfg layer, the YAML layer and the environment, strongest last. A value that does not
 * parse is reported and the key keeps its previous value from that source (when it had none: the next weaker
 * valid one), so a typo never takes a running container down.
 */
final class ConfigResolver {

    private ConfigResolver() {
    }

    static ResolvedConfig resolve(ConfigLayer cfg, ConfigLayer yaml, ConfigLayer environment,
            ResolvedConfig previous, List<String> earlierProblems) {
        List<String> problems = new ArrayList<>(earlierProblems);
        reportUnknownKeys(cfg, problems);
        reportUnknownKeys(yaml, problems);
        Map<ConfigKey, ResolvedValue> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            List<ResolvedValue> candidates = candidates(key, cfg, yaml, environment, problems);
            values.put(key, choose(key, candidates, previous, problems));
        }
        return new ResolvedConfig(values, problems);
    }

    /** Candidates from strongest to weakest; the default is always last and always valid. */
    private static List<ResolvedValue> candidates(ConfigKey key, ConfigLayer cfg, ConfigLayer yaml,
            ConfigLayer environment, List<String> problems) {
        List<ResolvedValue> candidates = new ArrayList<>();
        Object fromEnv = environment.values().get(key.environmentVariable());
        if (fromEnv != null) {
            candidates.add(new ResolvedValue(null, fromEnv.toString(), ConfigSource.ENVIRONMENT,
                    key.environmentVariable()));
        }
        fileValue(key, yaml, problems).ifPresent(candidates::add);
        fileValue(key, cfg, problems).ifPresent(candidates::add);
        candidates.add(new ResolvedValue(null, key.defaultValue(), ConfigSource.DEFAULT, null));
        return candidates;
    }

    private static Optional<ResolvedValue> fileValue(ConfigKey key, ConfigLayer layer, List<String> problems) {
        Object raw = layer.values().get(key.key());
        for (int i = 0; raw == null && i < key.aliases().size(); i++) {
            raw = layer.values().get(key.aliases().get(i));
        }
        if (raw == null) {
            return Optional.empty();
        }
        if (raw instanceof Map || raw instanceof Iterable || raw.getClass().isArray()) {
            problems.add(key.key() + ": " + layer.origin() + " gives a list or mapping; expected a single value");
            return Optional.empty();
        }
        return Optional.of(new ResolvedValue(null, raw.toString(), layer.source(), layer.origin()));
    }

    private static ResolvedValue choose(ConfigKey key, List<ResolvedValue> candidates, ResolvedConfig previous,
            List<String> problems) {
        for (ResolvedValue candidate : candidates) {
            try {
                Object typed = key.parse(candidate.text());
                return new ResolvedValue(typed, candidate.text(), candidate.source(), candidate.origin());
            } catch (IllegalArgumentException e) {
                // Keep the previous value only when it came from the same source: a bad edit of a file must not
                // undo a good value there, but a bad environment variable must not hide a later good file edit.
                ResolvedValue kept = previous != null ? previous.get(key) : null;
                if (kept != null && kept.source() != candidate.source()) {
                    kept = null;
                }
                String shown = key.secret() ? "(secret)" : "'" + candidate.text() + "'";
                String problem = key.key() + ": " + shown + " from " + candidate.describeOrigin()
                        + " is not valid (" + e.getMessage() + ")";
                if (kept != null) {
                    problems.add(problem + "; keeping " + show(key, kept) + " from " + kept.describeOrigin());
                    return kept;
                }
                problems.add(problem + "; ignored");
            }
        }
        throw new IllegalStateException("default of " + key.key() + " does not parse");
    }

    private static String show(ConfigKey key, ResolvedValue value) {
        return key.secret() ? "the previous secret" : "'" + value.text() + "'";
    }

    private static void reportUnknownKeys(ConfigLayer layer, List<String> problems) {
        for (String name : layer.values().keySet()) {
            if (layer.source() == ConfigSource.CFG && name.contains(".")) {
                continue; // service.pid, felix.fileinstall.filename, component.* and friends
            }
            if (ConfigKey.byName(name).isEmpty()) {
                problems.add(layer.origin() + ": unknown key '" + name + "' ignored");
            }
        }
    }
}
