package io.cascadence.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code task webhook}'s options: the original's defaults, and usage errors before anything starts. */
class WebhookCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TaskCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aPortThatIsNoPortIsAUsageErrorAndNothingStarts() {
        // No cascadence.home is set: had the command gone on to the installation, it would have failed with 1.
        assertThat(run("webhook", "--port", "80000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: task")
                .endsWith("error: --port is '80000'; expected a port number from 1 to 65535\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        assertThat(run("webhook", "--port", "web")).isEqualTo(2);
        assertThat(run("webhook", "--host", " ")).isEqualTo(2);
        assertThat(run("webhook", "--path", "/x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: No such option: --path");
    }

    @Test
    void theDefaultsAreTheOriginals() {
        assertThat(WebhookCommand.DEFAULT_HOST).isEqualTo("0.0.0.0");
        assertThat(WebhookCommand.port(null)).isEqualTo(8000);
        assertThat(WebhookCommand.port(" 9001 ")).isEqualTo(9001);
        assertThat(CommandLine.USAGE).contains("webhook [--host H] [--port P]");
    }
}
