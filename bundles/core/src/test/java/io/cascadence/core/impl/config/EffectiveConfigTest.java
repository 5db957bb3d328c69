package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.cascadence.api.config.Applies;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.ConfigSource;
import io.cascadence.api.config.PidReport;

class EffectiveConfigTest {

    private static final Path DATA = Path.of("/opt/cascadence/data");
    private static final String CFG_FILE = "/opt/cascadence/config/io.cascadence.cfg";
    private static final String YAML_FILE = "/opt/cascadence/config/cascadence.yml";

    /** The core PID set by {@code cfg}, every other PID by nothing but defaults. */
    private static EffectiveConfig config(Map<String, ?> cfg) {
        return config(cfg, Map.of());
    }

    private static EffectiveConfig config(Map<String, ?> cfg, Map<String, ?> yaml) {
        Map<ConfigPid, ResolvedConfig> resolved = new EnumMap<>(ConfigPid.class);
        for (ConfigPid pid : ConfigPid.values()) {
            Map<String, ?> values = pid == ConfigPid.CORE ? cfg : Map.of();
            resolved.put(pid, ConfigResolver.resolve(pid, new ConfigLayer(ConfigSource.CFG, CFG_FILE, values),
                    new ConfigLayer(ConfigSource.YAML, YAML_FILE, yaml),
                    new ConfigLayer(ConfigSource.ENVIRONMENT, null, Map.of()), null));
        }
        return new EffectiveConfig(resolved, Map.of(ConfigPid.CORE, CFG_FILE), List.of("a folder problem"), DATA,
                YAML_FILE);
    }

    private static ConfigEntry entry(ConfigReport report, String key) {
        return report.entry(key).orElseThrow();
    }

    @Test
    void relativeStorePathsResolveInsideTheDataDirectory() {
        EffectiveConfig config = config(Map.of("stages_path", "state/stages.yml"));

        assertThat(config.stagesPath()).isEqualTo(Path.of("/opt/cascadence/data/state/stages.yml"));
        assertThat(config.pointersPath()).isEqualTo(Path.of("/opt/cascadence/data/pointers.yml"));
        assertThat(config.tasksPath()).isEqualTo(Path.of("/opt/cascadence/data/tasks.yml"));
        assertThat(config.schedulesPath()).isEqualTo(Path.of("/opt/cascadence/data/schedules.yml"));
        assertThat(config.dataDirectory()).isEqualTo(DATA);
    }

    @Test
    void absoluteStorePathsStayAsGiven() {
        EffectiveConfig config = config(Map.of("tasks_path", "/var/lib/cascadence/tasks.yml"));

        assertThat(config.tasksPath()).isEqualTo(Path.of("/var/lib/cascadence/tasks.yml"));
    }

    @Test
    void reportMasksASetSecretButTheServiceStillGivesItsValue() {
        EffectiveConfig config = config(Map.of("hash_secret", "s3cr3t"));

        ConfigEntry secret = entry(config.report(), "hash_secret");
        assertThat(secret.value()).isEqualTo("********");
        assertThat(secret.source()).isEqualTo(ConfigSource.CFG);
        assertThat(secret.origin()).isEqualTo(CFG_FILE);
        assertThat(config.report().toString()).doesNotContain("s3cr3t");
        assertThat(config.hashSecret()).isEqualTo("s3cr3t");
        assertThat(config.value("hash_secret")).contains("s3cr3t");
    }

    @Test
    void apiTokensAreMaskedLikeOtherSecrets() {
        EffectiveConfig config = config(Map.of(), Map.of("api_tokens", "ops-token-0123456789=alice:ops"));

        assertThat(entry(config.report(), "api_tokens").value()).isEqualTo("********");
        assertThat(config.report().toString()).doesNotContain("ops-token-0123456789");
        assertThat(config.value("api_tokens")).contains("ops-token-0123456789=alice:ops");
    }

    @Test
    void reportShowsAnEmptySecretAsEmpty() {
        EffectiveConfig config = config(Map.of());

        ConfigEntry secret = entry(config.report(), "hash_secret");
        assertThat(secret.value()).isEmpty();
        assertThat(secret.source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(secret.origin()).isNull();
    }

    @Test
    void reportListsEveryPidWithItsKeysInTheDocumentedOrder() {
        ConfigReport report = config(Map.of()).report();

        assertThat(report.pids()).extracting(PidReport::pid).containsExactly("io.cascadence", "io.cascadence.web",
                "io.cascadence.scheduler", "io.cascadence.metrics", "io.cascadence.temporal",
                "io.cascadence.cronyx", "io.cascadence.transport");
        assertThat(keys(report, "io.cascadence")).containsExactly("backend", "hash_secret", "stages_path",
                "pointers_path", "tasks_path", "schedules_path", "runs_path", "history_url", "history_user",
                "history_password", "history_pool_size", "history_sync", "states_path", "run_retention",
                "max_concurrent_runs", "run_queue_capacity", "task_timeout", "task_timeouts", "shutdown_grace",
                "stage_retention", "ideas_path");
        assertThat(keys(report, "io.cascadence.web")).containsExactly("sync_wait", "max_body_size", "api_tokens",
                "api_tokens_scope", "allowed_hosts", "cors_origins", "webhook_port", "webhook_host");
        assertThat(keys(report, "io.cascadence.scheduler")).containsExactly("timezone");
        assertThat(keys(report, "io.cascadence.metrics")).containsExactly("metrics_port");
        assertThat(keys(report, "io.cascadence.temporal")).containsExactly("temporal_server",
                "temporal_namespace", "temporal_task_queue", "temporal_tls", "temporal_tls_cert", "temporal_tls_key",
                "temporal_tls_ca", "temporal_attempts", "temporal_task_attempts");
        assertThat(keys(report, "io.cascadence.cronyx")).containsExactly("cronyx_base_url", "cronyx_timeout",
                "cronyx_refresh");
        assertThat(keys(report, "io.cascadence.transport")).containsExactly("ume_transport", "ume_grpc_stub",
                "ume_grpc_method", "ume_nats_conn", "ume_nats_subject", "ume_nats_stream", "ume_buffer",
                "ume_pointer_sync", "ume_broadcast_pointers");
        assertThat(report.pid("io.cascadence").orElseThrow().file()).isEqualTo(CFG_FILE);
        assertThat(report.pid("io.cascadence.web").orElseThrow().file()).isNull();
    }

    private static List<String> keys(ConfigReport report, String pid) {
        return report.pid(pid).orElseThrow().entries().stream().map(ConfigEntry::key).toList();
    }

    @Test
    void everyKeyIsLiveOrReadAtStartAsDocumented() {
        ConfigReport report = config(Map.of()).report();

        assertThat(entry(report, "backend").applies()).isEqualTo(Applies.LIVE);
        assertThat(entry(report, "sync_wait").applies()).isEqualTo(Applies.LIVE);
        assertThat(entry(report, "timezone").applies()).isEqualTo(Applies.LIVE);
        assertThat(entry(report, "stages_path").applies()).isEqualTo(Applies.AT_START);
        assertThat(entry(report, "run_retention").applies()).isEqualTo(Applies.AT_START);
    }

    @Test
    void reportCarriesYamlFileProblemsAndEnvironmentVariables() {
        ConfigReport report = config(Map.of("backend", "cronn")).report();

        assertThat(report.yamlFile()).isEqualTo(YAML_FILE);
        assertThat(report.problems()).hasSize(2).first().isEqualTo("a folder problem");
        assertThat(report.problems().get(1)).contains("'cronn'");
        ConfigEntry backend = entry(report, "backend");
        assertThat(backend.value()).isEqualTo("cron");
        assertThat(backend.environmentVariable()).isEqualTo("CASCADENCE_SCHEDULER");
        assertThat(backend.description()).startsWith("Scheduler backend");
    }

    @Test
    void valueLooksUpKeysOfEveryPidAndAliasesAsNormalisedText() {
        EffectiveConfig config = config(Map.of("backend", "BASE"), Map.of("broadcast_pointers", "yes"));

        assertThat(config.value("backend")).contains("base");
        assertThat(config.value("broadcast_pointers")).contains("true");
        assertThat(config.value("ume_broadcast_pointers")).contains("true");
        assertThat(config.value("cronyx_timeout")).contains("5");
        assertThat(config.value("sync_wait")).contains("30");
        assertThat(config.value("no_such_key")).isEmpty();
    }

    @Test
    void keysAreUniqueAcrossPids() {
        assertThat(Arrays.stream(ConfigKey.values()).flatMap(k -> Stream.concat(Stream.of(k.key()),
                k.aliases().stream()))).doesNotHaveDuplicates();
    }
}
