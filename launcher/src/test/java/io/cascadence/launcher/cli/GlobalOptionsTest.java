package io.cascadence.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.launcher.RuntimeInfo;

/** The options of bin/task before the command: the metrics port, the UME transport's and the token. */
class GlobalOptionsTest {

    @Test
    void theTransportOptionsSetTheirEnvironmentVariablesInEitherForm() {
        GlobalOptions options = GlobalOptions.parse(new String[] {"--transport", "nats",
            "--nats-url=nats://127.0.0.1:4222", "--nats-subject", "pointers", "--metrics-port", "9100",
            "--grpc-stub=localhost:50051", "--grpc-method", "Subscribe", "pointer-sync"});

        assertThat(options.settings()).containsExactly(Map.entry("UME_TRANSPORT", "nats"),
                Map.entry("UME_NATS_CONN", "nats://127.0.0.1:4222"), Map.entry("UME_NATS_SUBJECT", "pointers"),
                Map.entry("UME_GRPC_STUB", "localhost:50051"), Map.entry("UME_GRPC_METHOD", "Subscribe"));
        assertThat(options.metricsPort()).isEqualTo(9100);
        assertThat(options.rest()).containsExactly("pointer-sync");

        assertThat(GlobalOptions.parse(new String[] {"--transport=grpc", "list"}).settings())
                .isEqualTo(Map.of("UME_TRANSPORT", "grpc"));
        assertThat(GlobalOptions.parse(new String[] {"--nats-conn", "nats://10.0.0.5:4222", "list"}).settings())
                .as("the original's name for --nats-url").isEqualTo(Map.of("UME_NATS_CONN", "nats://10.0.0.5:4222"));
    }

    @Test
    void withoutThemNothingIsSet() {
        GlobalOptions options = GlobalOptions.parse(new String[] {"list"});

        assertThat(options).isEqualTo(new GlobalOptions(0, Map.of(), List.of("list")));
    }

    @Test
    void aTransportOtherThanGrpcOrNatsIsAUsageErrorNamingTheOptionAndTheChoices() {
        for (String[] args : new String[][] {{"--transport", "bogus", "list"}, {"--transport=NATS", "list"},
            {"--transport", "list"}}) {
            assertThatThrownBy(() -> GlobalOptions.parse(args)).isInstanceOf(CommandLine.UsageException.class)
                    .hasMessageContaining("'--transport'").hasMessageContaining("'grpc', 'nats'");
        }
        assertThatThrownBy(() -> GlobalOptions.parse(new String[] {"--transport"}))
                .hasMessage("Option '--transport' requires an argument (grpc or nats).");
    }

    @Test
    void aMissingOrEmptyValueIsAUsageError() {
        assertThatThrownBy(() -> GlobalOptions.parse(new String[] {"--nats-url"}))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("Option '--nats-url' requires an argument.");
        assertThatThrownBy(() -> GlobalOptions.parse(new String[] {"--nats-subject=", "list"}))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("Invalid value for '--nats-subject': it is empty.");
    }

    @Test
    void afterTheCommandTheyAreNotGlobalButTheCommandsToRefuse() {
        GlobalOptions options = GlobalOptions.parse(new String[] {"list", "--transport", "nats"});

        assertThat(options.settings()).isEmpty();
        assertThat(options.rest()).containsExactly("list", "--transport", "nats");
        assertThatThrownBy(() -> CommandLine.parse(options.rest().toArray(String[]::new)))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("No such option: --transport");
    }

    @Test
    void aTokenBeforeTheCommandStillGoesAfterIt() {
        GlobalOptions options = GlobalOptions.parse(new String[] {"--token", "t0k", "--transport", "nats", "list"});

        assertThat(options.rest()).containsExactly("list", "--token", "t0k");
        assertThat(options.settings()).containsOnlyKeys("UME_TRANSPORT");
    }

    @Test
    void theNoticeForARunningContainerSaysWhereItsTransportIsSet() {
        GlobalOptions options = GlobalOptions.parse(new String[] {"--transport", "nats", "--nats-url",
            "nats://h:4222", "list"});

        assertThat(options.transportNotice(new RuntimeInfo(42, "127.0.0.1", 8000, "container"))).isEqualTo(
                "note: --transport, --nats-url are not used: the running Cascadence (pid 42) sends events over the "
                        + "transport of its configuration; to change it, set ume_transport, ume_nats_conn in "
                        + "config/io.cascadence.transport.cfg (applied while it runs)");
    }
}
