package io.cascadence.launcher.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code --input} of {@code task run}: JSON text, or {@code @} and a file holding it (relative to the current
 * folder). It is checked before anything is sent, so a typo is a usage error rather than a run with odd input.
 */
final class RunInput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RunInput() {
    }

    /**
     * @param value the option's value
     * @return the JSON text, exactly as written, to be sent as the request body
     * @throws CommandLine.UsageException naming the file that cannot be read or what is wrong with the JSON
     */
    static String read(String value) {
        String text = value;
        String source = "";
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            source = "file " + file + ": ";
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw invalid("file " + file + " does not exist");
            } catch (MalformedInputException e) {
                throw invalid(source + "not UTF-8 text");
            } catch (IOException e) {
                throw invalid(source + "cannot be read (" + e.getMessage() + ")");
            }
        }
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(source + "not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw invalid(source + "no JSON value, the input is empty");
        }
        return text;
    }

    private static CommandLine.UsageException invalid(String problem) {
        return new CommandLine.UsageException("Invalid value for '--input': " + problem);
    }
}
