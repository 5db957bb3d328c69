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

    /** The core PID, which holds backend and hash_secret. */
    private static ResolvedConfig resolve(ConfigLayer cfg, ConfigLayer yaml, ConfigLayer env) {
        return ConfigResolver.resolve(ConfigPid.CORE, cfg, yaml, env, null);
    }

    private static ResolvedConfig resolve(ConfigLayer cfg, ConfigLayer yaml, ConfigLayer env,
            ResolvedConfig previous) {
        return ConfigResolver.resolve(ConfigPid.CORE, cfg, yaml, env, previous);
    }

    private static ResolvedConfig resolve(ConfigPid pid, ConfigLayer cfg, ConfigLayer yaml, ConfigLayer env) {
        return ConfigResolver.resolve(pid, cfg, yaml, env, null);
    }

    // --- precedence and sources ---

    @Test
    void defaultsApplyWhenNoSourceSetsAKey() {
        ResolvedConfig config = resolve(cfg(Map.of()), yaml(Map.of()), env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND))
                .isEqualTo(new ResolvedValue("cron", "cron", ConfigSource.DEFAULT, null));
        assertThat(resolve(ConfigPid.CRONYX, cfg(Map.of()), yaml(Map.of()), env(Map.of()))
                .value(ConfigKey.CRONYX_TIMEOUT, Double.class)).isEqualTo(5.0);
        assertThat(resolve(ConfigPid.TRANSPORT, cfg(Map.of()), yaml(Map.of()), env(Map.of()))
                .value(ConfigKey.UME_BROADCAST_POINTERS, Boolean.class)).isFalse();
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
        ConfigLayer env = env(Map.of("CASCADENCE_SCHEDULER", "temporal", "CRONYX_TIMEOUT", "2.5"));
        ResolvedConfig config = resolve(cfg(Map.of("backend", "base")), yaml(Map.of("backend", "dag")), env);
        ResolvedConfig cronyx = resolve(ConfigPid.CRONYX, cfg(Map.of()), yaml(Map.of()), env);

        assertThat(config.get(ConfigKey.BACKEND)).isEqualTo(
                new ResolvedValue("temporal", "temporal", ConfigSource.ENVIRONMENT, "CASCADENCE_SCHEDULER"));
        assertThat(cronyx.get(ConfigKey.CRONYX_TIMEOUT).origin()).isEqualTo("CRONYX_TIMEOUT");
        assertThat(cronyx.value(ConfigKey.CRONYX_TIMEOUT, Double.class)).isEqualTo(2.5);
        assertThat(config.problems()).isEmpty();
        assertThat(cronyx.problems()).isEmpty();
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
        ResolvedConfig config = resolve(ConfigPid.TRANSPORT, cfg(Map.of()), yaml(Map.of("broadcast_pointers", true)),
                env(Map.of()));

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
    void aWebhookPortOutsideTheRangeOfPortsIsRefusedAndTheListenerStaysOff() {
        ResolvedConfig web = resolve(ConfigPid.WEB, cfg(Map.of("webhook_port", "70000")), yaml(Map.of()),
                env(Map.of("CASCADENCE_WEBHOOK_HOST", "127.0.0.1")));

        assertThat(web.value(ConfigKey.WEBHOOK_PORT, Integer.class)).isZero();
        assertThat(web.value(ConfigKey.WEBHOOK_HOST, String.class)).isEqualTo("127.0.0.1");
        assertThat(web.problems()).singleElement().asString()
                .contains("webhook_port", "'70000'", "expected a port number from 1 to 65535, or 0 for none");
    }

    @Test
    void invalidEnvironmentValueIsReportedWithTheVariableNameAndFallsBackToDefault() {
        ResolvedConfig config = resolve(ConfigPid.CRONYX, cfg(Map.of()), yaml(Map.of()),
                env(Map.of("CRONYX_TIMEOUT", "-3")));

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
        ConfigLayer yaml = yaml(Map.of("colour", "blue", "sync_wait", "5", "timezone", "UTC"));
        ResolvedConfig config = resolve(cfg(Map.of("backnd", "dag")), yaml, env(Map.of("PATH", "/usr/bin")));

        assertThat(config.problems()).containsExactly(CFG_FILE + ": unknown key 'backnd' ignored");
        assertThat(ConfigResolver.unknownYamlKeys(yaml)).containsExactly(YAML_FILE + ": unknown key 'colour' ignored");
    }

    @Test
    void aKeyInTheCfgFileOfAnotherPidIsReportedWithItsPidAndIgnored() {
        ResolvedConfig core = resolve(cfg(Map.of("sync_wait", "5", "backend", "base")), yaml(Map.of()), env(Map.of()));
        ResolvedConfig web = resolve(ConfigPid.WEB, cfg(Map.of()), yaml(Map.of()), env(Map.of()));

        assertThat(core.problems()).containsExactly(CFG_FILE + ": sync_wait belongs to PID io.cascadence.web; set "
                + "it in config/io.cascadence.web.cfg (ignored here)");
        assertThat(core.value(ConfigKey.BACKEND, String.class)).isEqualTo("base");
        assertThat(web.get(ConfigKey.SYNC_WAIT).source()).isEqualTo(ConfigSource.DEFAULT);
    }

    @Test
    void yamlAndEnvironmentKeysReachEveryPidTheyBelongTo() {
        ConfigLayer yaml = yaml(Map.of("sync_wait", 2, "timezone", "Asia/Tokyo", "backend", "base"));
        ConfigLayer env = env(Map.of("CASCADENCE_SYNC_WAIT", "1"));

        ResolvedConfig web = resolve(ConfigPid.WEB, cfg(Map.of()), yaml, env);
        ResolvedConfig scheduler = resolve(ConfigPid.SCHEDULER, cfg(Map.of()), yaml, env);

        assertThat(web.properties()).containsOnly(Map.entry("sync_wait", 1.0), Map.entry("max_body_size", 1048576),
                Map.entry("api_tokens", ""), Map.entry("api_tokens_scope", "writes"), Map.entry("allowed_hosts", ""),
                Map.entry("cors_origins", ""),
                Map.entry("webhook_port", 0), Map.entry("webhook_host", "0.0.0.0"));
        assertThat(web.get(ConfigKey.SYNC_WAIT).origin()).isEqualTo("CASCADENCE_SYNC_WAIT");
        assertThat(scheduler.properties()).containsExactly(Map.entry("timezone", "Asia/Tokyo"));
        assertThat(scheduler.get(ConfigKey.TIMEZONE).origin()).isEqualTo(YAML_FILE);
        assertThat(web.problems()).isEmpty();
        assertThat(scheduler.problems()).isEmpty();
    }

    @Test
    void bytesThatWereNotUtf8AreAProblemAndTheValueIsNotUsed() {
        ResolvedConfig first = resolve(cfg(Map.of("hash_secret", "Grüße€")), yaml(Map.of()), env(Map.of()));
        ResolvedConfig second = resolve(cfg(Map.of("hash_secret", "Gr\uFFFD\uFFFDe")), yaml(Map.of()), env(Map.of()),
                first);

        assertThat(first.value(ConfigKey.HASH_SECRET, String.class)).isEqualTo("Grüße€");
        assertThat(first.problems()).isEmpty();
        assertThat(second.value(ConfigKey.HASH_SECRET, String.class)).isEqualTo("Grüße€");
        assertThat(second.problems()).singleElement().asString()
                .contains("hash_secret", CFG_FILE, "not UTF-8", "save the file as UTF-8", "keeping the previous secret")
                .doesNotContain("Gr");
    }

    @Test
    void propertiesAreNormalisedForTheBundle() {
        ResolvedConfig core = resolve(cfg(Map.of("backend", " BASE ", "max_concurrent_runs", " 8",
                "task_timeout", "2.50", "task_timeouts", "b=3, a=1.0")), yaml(Map.of()), env(Map.of()));
        ResolvedConfig cronyx = resolve(ConfigPid.CRONYX, cfg(Map.of("cronyx_refresh", "no")), yaml(Map.of()),
                env(Map.of()));

        assertThat(core.properties()).containsEntry("backend", "base").containsEntry("max_concurrent_runs", 8)
                .containsEntry("task_timeout", 2.5).containsEntry("task_timeouts", "b=3,a=1")
                .containsEntry("stages_path", "stages.yml");
        assertThat(core.get(ConfigKey.TASK_TIMEOUT).normalised()).isEqualTo("2.5");
        assertThat(cronyx.properties()).containsEntry("cronyx_refresh", false).containsEntry("cronyx_timeout", 5.0);
        assertThat(cronyx.get(ConfigKey.CRONYX_TIMEOUT).normalised()).isEqualTo("5");
    }

    @Test
    void perTaskAttemptsAreNameEqualsAPositiveCountAndAnythingElseIsRefusedNamingTheEntry() {
        ResolvedConfig good = resolve(ConfigPid.TEMPORAL, cfg(Map.of("temporal_task_attempts", " report = 1, etl=5 ")),
                yaml(Map.of()), env(Map.of()));
        assertThat(good.properties()).containsEntry("temporal_task_attempts", "report=1,etl=5");
        assertThat(good.problems()).isEmpty();

        for (String bad : List.of("report", "report=0", "report=two", "=3")) {
            ResolvedConfig refused = resolve(ConfigPid.TEMPORAL, cfg(Map.of("temporal_task_attempts", bad)),
                    yaml(Map.of()), env(Map.of()));
            assertThat(refused.properties()).as(bad).containsEntry("temporal_task_attempts", "");
            assertThat(refused.problems()).as(bad).singleElement().asString().contains("temporal_task_attempts")
                    .contains("is not NAME=N");
        }
    }

    @Test
    void theTemporalServerIsHostColonPortAndAnythingElseIsRefusedKeepingTheDefault() {
        for (String good : List.of("temporal.example.com:7233", "127.0.0.1:17233", "[::1]:7233")) {
            ResolvedConfig resolved = resolve(ConfigPid.TEMPORAL, cfg(Map.of("temporal_server", good)),
                    yaml(Map.of()), env(Map.of()));
            assertThat(resolved.problems()).as(good).isEmpty();
            assertThat(resolved.properties()).containsEntry("temporal_server", good);
        }
        for (String bad : List.of("localhost", "http://localhost:7233", "localhost:99999", ":7233", "host:port")) {
            ResolvedConfig refused = resolve(ConfigPid.TEMPORAL, cfg(Map.of("temporal_server", bad)),
                    yaml(Map.of()), env(Map.of()));
            assertThat(refused.properties()).as(bad).containsEntry("temporal_server", "localhost:7233");
            assertThat(refused.problems()).as(bad).singleElement().asString().contains("temporal_server")
                    .contains("expected host:port");
        }
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
        ConfigLayer yaml = yaml(Map.of("backend", List.of("dag", "cron"), "timezone", Map.of("zone", "UTC")));
        ResolvedConfig config = resolve(cfg(Map.of("backend", "base")), yaml, env(Map.of()));
        ResolvedConfig scheduler = resolve(ConfigPid.SCHEDULER, cfg(Map.of()), yaml, env(Map.of()));

        assertThat(config.get(ConfigKey.BACKEND).source()).isEqualTo(ConfigSource.CFG);
        assertThat(scheduler.get(ConfigKey.TIMEZONE).source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(config.problems()).containsExactly(
                "backend: " + YAML_FILE + " gives a list or mapping; expected a single value");
        assertThat(scheduler.problems()).containsExactly(
                "timezone: " + YAML_FILE + " gives a list or mapping; expected a single value");
    }

    @Test
    void webAccessKeysAreCheckedAndATokenIsNeverQuoted() {
        ConfigLayer env = env(Map.of("CASCADENCE_API_TOKENS", "good-token-0123456789=alice, short",
                "CASCADENCE_ALLOWED_HOSTS", "ok.example, bad host:80", "CASCADENCE_CORS_ORIGINS",
                "HTTPS://Ops.Example.com/, http://localhost:3000", "CASCADENCE_API_TOKENS_SCOPE", "ALL"));

        ResolvedConfig web = resolve(ConfigPid.WEB, cfg(Map.of()), yaml(Map.of()), env);

        assertThat(web.get(ConfigKey.API_TOKENS).source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(web.get(ConfigKey.ALLOWED_HOSTS).source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(web.properties()).contains(Map.entry("cors_origins", "https://ops.example.com, "
                + "http://localhost:3000"), Map.entry("api_tokens_scope", "all"));
        assertThat(web.problems()).hasSize(2);
        assertThat(String.join("\n", web.problems())).contains("entry 2 is not a usable token")
                .contains("'bad host:80' is not a host name").doesNotContain("good-token").doesNotContain("short");
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

    // --- the metrics port, and a command line's value of it ---

    @Test
    void aCommandLinesMetricsPortCountsAsItsEnvironmentVariableAndWinsOverTheFiles() {
        Map<String, String> environment = ConfigComponent.withCommandLine(Map.of("CASCADENCE_METRICS_PORT", "9100"),
                name -> name.equals("cascadence.env.CASCADENCE_METRICS_PORT") ? "9200" : null);

        ResolvedConfig config = resolve(ConfigPid.METRICS, cfg(Map.of("metrics_port", "9000")), yaml(Map.of()),
                env(environment));

        assertThat(config.value(ConfigKey.METRICS_PORT, Integer.class)).isEqualTo(9200);
        assertThat(config.get(ConfigKey.METRICS_PORT).source()).isEqualTo(ConfigSource.ENVIRONMENT);
    }

    @Test
    void aMetricsPortOutOfRangeIsRefusedNamingWhatIsAccepted() {
        ResolvedConfig config = resolve(ConfigPid.METRICS, cfg(Map.of("metrics_port", "70000")), yaml(Map.of()),
                env(Map.of()));

        assertThat(config.value(ConfigKey.METRICS_PORT, Integer.class)).isZero();
        assertThat(config.problems()).singleElement().asString()
                .contains("metrics_port", "'70000'", "a port number from 1 to 65535, or 0 for none");
    }
}
