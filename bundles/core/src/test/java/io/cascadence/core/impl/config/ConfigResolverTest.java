package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.config.ConfigSource;

class ConfigResolverTest {

    private static final String CFG_FILE = "/opt/cascadence/config/io.cascadence.cfg";
    private static final String YAML_FILE = "/opt/cascadence/config/cascadence.yml";
    private static final String BACKENDS = "expected one of cron, base, dag, temporal, cronyx";

    private static ConfigLayer cfg(Map<String, ?> values) {
        return new ConfigLayer(ConfigSource.CFG, CFG_FILE, values);
    }

    private static ConfigLayer yaml(Map<String, ?> values) {
        return new ConfigLayer(ConfigSource.YAML, YAML_FILE, values);
    }

    private static ConfigLayer env(Map<String, ?> values) {
        return new ConfigLayer(ConfigSource.ENVIRONMENT, null, values);
    }

    private static ResolvedConfig resolve(ConfigLayer cfg, ConfigLayer yaml, ConfigLayer env) {
        return ConfigResolver.resolve(cfg, yaml, env, null, List.of());
    }

    private static ResolvedConfig resolve(ConfigLayer cfg, ConfigLayer yaml, ConfigLayer env,
            ResolvedConfig previous) {
        return ConfigResolver.resolve(cfg, yaml, env, previous, List.of());
    }

    // --- precedence and sources ---

    @Test
    void defaultsApplyWhenNoSourceSetsAKey() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of()), env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("cron", "cron", ConfigSource.DEFAULT, null));
        assertThat(config.value(ConfigKey.CRONYX_TIMEOUT, Double.class)).isEqualTo(5.0);
        assertThat(config.value(ConfigKey.UME_BROADCAST_POINTERS, Boolean.class)).isFalse();
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void cfgOverridesDefault() {
        ResolvedConfig config = resolve(cfg(Map.of("backend", "base")), yaml(Map.of()), env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("base", "base", ConfigSource.CFG, CFG_FILE));
    }

    @Test
    void yamlOverridesCfg() {
        ResolvedConfig config = resolve(cfg(Map.of("backend", "base")), yaml(Map.of("backend", "dag")),
                env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("dag", "dag", ConfigSource.YAML, YAML_FILE));
    }

    @Test
    void environmentOverridesYamlAndNamesTheVariableAsOrigin() {
        ResolvedConfig config = resolve(cfg(Map.of("backend", "base")), yaml(Map.of("backend", "dag")),
                env(Map.of("CASCADENCE_SCHEDULER", "temporal", "CRONYX_TIMEOUT", "2.5")));

        assertThat(config.get(ConfigKey.BACKEND)).isEqualTo(
                new ResolvedValue("temporal", "temporal", ConfigSource.ENVIRONMENT, "CASCADENCE_SCHEDULER"));
        assertThat(config.get(ConfigKey.CRONYX_TIMEOUT).origin()).isEqualTo("CRONYX_TIMEOUT");
        assertThat(config.value(ConfigKey.CRONYX_TIMEOUT, Double.class)).isEqualTo(2.5);
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void environmentIsKeyedByVariableNameNotByConfigKey() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of()), env(Map.of("backend", "dag")));

        assertThat(config.get(ConfigKey.BACKEND).source()).isEqualTo(ConfigSource.DEFAULT);
    }

    // --- aliases ---

    @Test
    void yamlAliasSchedulerSetsBackend() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of("scheduler", "dag")), env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("dag", "dag", ConfigSource.YAML, YAML_FILE));
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void yamlAliasBroadcastPointersSetsUmeBroadcastPointers() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of("broadcast_pointers", true)), env(Map.of()));

        assertThat(config.value(ConfigKey.UME_BROADCAST_POINTERS, Boolean.class)).isTrue();
        assertThat(config.get(ConfigKey.UME_BROADCAST_POINTERS).source()).isEqualTo(ConfigSource.YAML);
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void keyWinsOverItsAliasInTheSameFile() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of("scheduler", "dag", "backend", "base")),
                env(Map.of()));

        assertThat(config.value(ConfigKey.BACKEND, String.class)).isEqualTo("base");
    }

    // --- invalid values ---

    @Test
    void invalidValueAtFirstResolutionFallsBackToNextWeakerValidSource() {
        ResolvedConfig config = resolve(cfg(Map.of("backend", "dag")), yaml(Map.of("backend", "cronn")),
                env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("dag", "dag", ConfigSource.CFG, CFG_FILE));
        assertThat(config.problems()).singleElement().asString()
                .contains("backend", "'cronn'", YAML_FILE, BACKENDS);
    }

    @Test
    void invalidEnvironmentValueIsReportedWithTheVariableNameAndFallsBackToDefault() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of()), env(Map.of("CRONYX_TIMEOUT", "-3")));

        assertThat(config.get(ConfigKey.CRONYX_TIMEOUT).source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(config.value(ConfigKey.CRONYX_TIMEOUT, Double.class)).isEqualTo(5.0);
        assertThat(config.problems()).singleElement().asString()
                .contains("cronyx_timeout", "'-3'", "CRONYX_TIMEOUT", "positive number of seconds");
    }

    @Test
    void invalidValueKeepsThePreviousValueFromTheSameSource() {
        ResolvedConfig first = resolve(cfg(Map.of("backend", "base")), yaml(Map.of("backend", "dag")),
                env(Map.of()));

        ResolvedConfig second = resolve(cfg(Map.of("backend", "base")), yaml(Map.of("backend", "dagg")),
                env(Map.of()), first);

        assertThat(second.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("dag", "dag", ConfigSource.YAML, YAML_FILE));
        assertThat(second.problems()).singleElement().asString()
                .contains("backend", "'dagg'", YAML_FILE, BACKENDS, "keeping 'dag'");
    }

    @Test
    void invalidEnvironmentVariableDoesNotHideALaterValidCfgEdit() {
        ConfigLayer badEnv = env(Map.of("CASCADENCE_SCHEDULER", "bogus"));
        ResolvedConfig first = resolve(cfg(Map.of("backend", "dag")), yaml(Map.of()), badEnv);
        assertThat(first.get(ConfigKey.BACKEND).value()).isEqualTo("dag");

        ResolvedConfig second = resolve(cfg(Map.of("backend", "base")), yaml(Map.of()), badEnv, first);

        assertThat(second.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("base", "base", ConfigSource.CFG, CFG_FILE));
        assertThat(second.problems()).singleElement().asString()
                .contains("'bogus'", "CASCADENCE_SCHEDULER", BACKENDS)
                .doesNotContain("keeping");
    }

    // --- unknown keys and shapes ---

    @Test
    void unknownKeysInCfgAndYamlAreReportedWithTheirFile() {
        ResolvedConfig config = resolve(cfg(Map.of("backnd", "dag")), yaml(Map.of("colour", "blue")),
                env(Map.of("PATH", "/usr/bin")));

        assertThat(config.problems()).containsExactlyInAnyOrder(
                CFG_FILE + ": unknown key 'backnd' ignored",
                YAML_FILE + ": unknown key 'colour' ignored");
    }

    @Test
    void cfgKeysWithADotAreConfigAdminBookkeepingAndNotReported() {
        ResolvedConfig config = resolve(
                cfg(Map.of("service.pid", "io.cascadence",
                        "felix.fileinstall.filename", "file:" + CFG_FILE,
                        "backend", "base")),
                yaml(Map.of()), env(Map.of()));

        assertThat(config.problems()).isEmpty();
        assertThat(config.value(ConfigKey.BACKEND, String.class)).isEqualTo("base");
    }

    @Test
    void listOrMappingValueIsRejectedWithAProblem() {
        ResolvedConfig config = resolve(cfg(Map.of("backend", "base")),
                yaml(Map.of("backend", List.of("dag", "cron"), "timezone", Map.of("zone", "UTC"))),
                env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND).source()).isEqualTo(ConfigSource.CFG);
        assertThat(config.get(ConfigKey.TIMEZONE).source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(config.problems()).containsExactlyInAnyOrder(
                "backend: " + YAML_FILE + " gives a list or mapping; expected a single value",
                "timezone: " + YAML_FILE + " gives a list or mapping; expected a single value");
    }

    @Test
    void secretValueNeverAppearsInProblems() {
        String secret = "s3cr3t-pepper";
        ResolvedConfig config = resolve(cfg(Map.of("hash_secrte", secret)),
                yaml(Map.of("hash_secret", List.of(secret))),
                env(Map.of()));

        assertThat(config.problems()).hasSize(2)
                .allSatisfy(problem -> assertThat(problem).doesNotContain(secret));
        assertThat(config.problems()).anySatisfy(problem -> assertThat(problem).contains("hash_secret"));
    }

    @Test
    void earlierProblemsComeFirst() {
        ResolvedConfig config = ConfigResolver.resolve(cfg(Map.of("nope", "x")), yaml(Map.of()), env(Map.of()),
                null, List.of("cascadence.yml: cannot be read"));

        assertThat(config.problems()).containsExactly("cascadence.yml: cannot be read",
                CFG_FILE + ": unknown key 'nope' ignored");
    }
}
