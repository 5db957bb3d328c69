package io.cascadence.core.impl.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cascadence.api.config.ConfigSource;

/**
 * Resolves the keys of one PID from defaults, its cfg layer, the YAML layer and the environment, strongest last. A
 * value that does not parse is reported and the key keeps its previous value from that source (when it had none:
 * the next weaker valid one), so a typo never takes a running container down.
 */
final class ConfigResolver {

    /** What a decoder puts where the bytes of a file were not valid in its character set. */
    private static final char UNDECODABLE = '\uFFFD';

    private ConfigResolver() {
    }

    static ResolvedConfig resolve(ConfigPid pid, ConfigLayer cfg, ConfigLayer yaml, ConfigLayer environment,
            ResolvedConfig previous) {
        List<String> problems = new ArrayList<>();
        reportForeignKeys(pid, cfg, problems);
        Map<ConfigKey, ResolvedValue> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.of(pid)) {
            List<ResolvedValue> candidates = candidates(key, cfg, yaml, environment, problems);
            values.put(key, choose(key, candidates, previous, problems));
        }
        return new ResolvedConfig(pid, values, problems);
    }

    /** The YAML file is flat, as the original's: each of its keys belongs to some PID, or is reported. */
    static List<String> unknownYamlKeys(ConfigLayer yaml) {
        return yaml.values().keySet().stream()
                .filter(name -> ConfigKey.byName(name).isEmpty())
                .map(name -> yaml.origin() + ": unknown key '" + name + "' ignored")
                .toList();
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
                if (candidate.text().indexOf(UNDECODABLE) >= 0) {
                    throw new IllegalArgumentException("it holds bytes that are not UTF-8; save the file as UTF-8");
                }
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
        return key.secret() ? "the previous secret" : "'" + value.normalised() + "'";
    }

    /** Keys of other PIDs and unknown keys in this PID's cfg layer. */
    private static void reportForeignKeys(ConfigPid pid, ConfigLayer cfg, List<String> problems) {
        for (String name : cfg.values().keySet()) {
            if (name.contains(".")) {
                continue; // service.pid, felix.fileinstall.filename, component.* and friends
            }
            Optional<ConfigKey> key = ConfigKey.byName(name);
            if (key.isEmpty()) {
                problems.add(cfg.origin() + ": unknown key '" + name + "' ignored");
            } else if (key.get().pid() != pid) {
                String owner = key.get().pid().pid();
                problems.add(cfg.origin() + ": " + name + " belongs to PID " + owner + "; set it in config/" + owner
                        + ".cfg (ignored here)");
            }
        }
    }
}
