package io.cascadence.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInputTest {

    @TempDir
    Path dir;

    private static void assertInvalid(String value, String message) {
        assertThatThrownBy(() -> RunInput.read(value)).isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("Invalid value for '--input': " + message);
    }

    @Test
    void jsonTextIsSentAsWritten() {
        assertThat(RunInput.read("{\"city\":\"Lund\"}")).isEqualTo("{\"city\":\"Lund\"}");
        assertThat(RunInput.read(" 42 ")).isEqualTo(" 42 ");
        assertThat(RunInput.read("\"text\"")).isEqualTo("\"text\"");
        assertThat(RunInput.read("null")).isEqualTo("null");
    }

    @Test
    void atAndAFileNameReadsTheJsonFromTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("input.json"), "{\n  \"päivä\": [1, 2]\n}\n");

        assertThat(RunInput.read("@" + file)).isEqualTo("{\n  \"päivä\": [1, 2]\n}\n");
    }

    @Test
    void malformedJsonIsNamedWithWhereItWentWrong() {
        assertThatThrownBy(() -> RunInput.read("{\"a\": 1,}")).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("Invalid value for '--input': not valid JSON: ")
                .hasMessageEndingWith("(line 1, column 9)");
    }

    @Test
    void trailingTextAfterTheValueIsRefused() {
        assertThatThrownBy(() -> RunInput.read("{} {}")).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyInputIsRefused() {
        assertInvalid("", "no JSON value, the input is empty");
        assertInvalid("   ", "no JSON value, the input is empty");
    }

    @Test
    void aFileThatIsNotThereOrNotJsonIsNamed() throws IOException {
        Path missing = dir.resolve("missing.json");
        assertInvalid("@" + missing, "file " + missing + " does not exist");

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  oops\n}");
        assertThatThrownBy(() -> RunInput.read("@" + bad)).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("Invalid value for '--input': file " + bad + ": not valid JSON: ")
                .hasMessageContaining("line 2");

        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});
        assertInvalid("@" + binary, "file " + binary + ": not UTF-8 text");
    }
}
