package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.ConfigSource;

class EffectiveConfigTest {

    private static final Path DATA = Path.of("/opt/cascadence/data");
    private static final String CFG_FILE = "/opt/cascadence/config/io.cascadence.cfg";
    private static final String YAML_FILE = "/opt/cascadence/config/cascadence.yml";

    private static EffectiveConfig config(Map<String, ?> cfg) {
        ResolvedConfig resolved = ConfigResolver.resolve(new ConfigLayer(ConfigSource.CFG, CFG_FILE, cfg),
                new ConfigLayer(ConfigSource.YAML, YAML_FILE, Map.of()),
                new ConfigLayer(ConfigSource.ENVIRONMENT, null, Map.of()), null, List.of());
        return new EffectiveConfig(resolved, DATA, YAML_FILE);
    }

    private static ConfigEntry entry(ConfigReport report, String key) {
        return report.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
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
    void reportShowsAnEmptySecretAsEmpty() {
        EffectiveConfig config = config(Map.of());

        ConfigEntry secret = entry(config.report(), "hash_secret");
        assertThat(secret.value()).isEmpty();
        assertThat(secret.source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(secret.origin()).isNull();
    }

    @Test
    void reportEntriesFollowTheDocumentedKeyOrder() {
        ConfigReport report = config(Map.of()).report();

        assertThat(report.entries()).extracting(ConfigEntry::key).containsExactly(
                "backend", "timezone", "hash_secret", "stages_path", "pointers_path", "tasks_path",
                "schedules_path", "runs_path", "history_url", "history_user", "history_password",
                "history_pool_size", "history_sync", "states_path", "run_retention", "max_concurrent_runs",
                "run_queue_capacity", "task_timeout", "task_timeouts", "shutdown_grace", "sync_wait",
                "stage_retention", "temporal_server", "cronyx_base_url", "cronyx_timeout", "cronyx_refresh",
                "ume_transport", "ume_grpc_stub", "ume_grpc_method", "ume_nats_conn", "ume_nats_subject",
                "ume_broadcast_pointers");
    }

    @Test
    void reportCarriesPidYamlFileProblemsAndEnvironmentVariables() {
        ConfigReport report = config(Map.of("backend", "cronn")).report();

        assertThat(report.pid()).isEqualTo("io.cascadence");
        assertThat(report.yamlFile()).isEqualTo(YAML_FILE);
        assertThat(report.problems()).singleElement().asString().contains("'cronn'");
        ConfigEntry backend = entry(report, "backend");
        assertThat(backend.value()).isEqualTo("cron");
        assertThat(backend.environmentVariable()).isEqualTo("CASCADENCE_SCHEDULER");
        assertThat(backend.description()).isEqualTo("Scheduler backend");
    }

    @Test
    void valueLooksUpKeysAndAliasesAsText() {
        EffectiveConfig config = config(Map.of("ume_broadcast_pointers", "yes"));

        assertThat(config.value("broadcast_pointers")).contains("yes");
        assertThat(config.value("cronyx_timeout")).contains("5.0");
        assertThat(config.value("no_such_key")).isEmpty();
    }
}
