package io.cascadence.web.impl.n8n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.TaskInfo;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;

/**
 * The node types, type versions and parameters the export emits, against the node definitions n8n itself ships:
 * {@code dist/types/nodes.json} of the npm package {@code n8n-nodes-base} (fetched by the build into
 * {@code target/n8n}, see the pom). Every node of a workflow that uses every kind of node must have a type the
 * package defines, a type version that type supports, and only parameters that exist for that version and are
 * shown for the values set beside them, with values among those the parameter offers.
 */
class N8nNodeTypesTest {

    private static final String PREFIX = "n8n-nodes-base.";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode definitions;

    @BeforeAll
    static void readPackage() throws IOException {
        String location = System.getProperty("n8n.nodes.package", "target/n8n/n8n-nodes-base-2.41.2.tgz");
        Path tgz = Path.of(location);
        assertThat(tgz).as("n8n-nodes-base, fetched by the build with npm (see bundles/web/pom.xml)").exists();
        definitions = MAPPER.readTree(entry(tgz, "package/dist/types/nodes.json"));
        assertThat(definitions.isArray() && definitions.size() > 100).as("nodes.json lists n8n's nodes").isTrue();
    }

    @Test
    void everyEmittedNodeIsATypeAndVersionN8nDefinesWithParametersOfThatVersion() {
        JsonNode workflow = MAPPER.valueToTree(everyKindOfNode());
        List<String> types = new ArrayList<>();
        for (JsonNode node : workflow.path("nodes")) {
            String type = node.path("type").asText();
            double version = node.path("typeVersion").asDouble();
            types.add(type);
            assertThat(type).startsWith(PREFIX);
            JsonNode definition = definition(type.substring(PREFIX.length()), version);
            assertThat(definition).as("%s in version %s is defined by n8n-nodes-base", type, version).isNotNull();
            checkParameters(type, version, definition.path("properties"), node.path("parameters"));
        }
        assertThat(types).contains(N8nNodes.SCHEDULE_TRIGGER, N8nNodes.MANUAL_TRIGGER, N8nNodes.HTTP_REQUEST,
                N8nNodes.MERGE);
    }

    @Test
    void aVersionThePackageDoesNotDefineIsNotFound() {
        // The check above can fail: a version n8n does not know is not found.
        assertThat(definition("httpRequest", 4.2)).isNotNull();
        assertThat(definition("httpRequest", 99)).isNull();
        assertThat(definition("noSuchNode", 1)).isNull();
    }

    private static Map<String, Object> everyKindOfNode() {
        List<TaskInfo> tasks = List.of(new TaskInfo("extract", false, false, "b", "1"),
                new TaskInfo("transform", false, false, "b", "1"), new TaskInfo("audit", true, false, "b", "1"),
                new TaskInfo("load", false, false, "b", "1"));
        List<ScheduleInfo> schedules = List.of(new ScheduleInfo(Schedule.of("extract", "0 2 * * MON-FRI"),
                ScheduleInfo.FILE, ScheduleInfo.ACTIVE, ZoneId.of("UTC"), null));
        return N8nWorkflow.build("http://127.0.0.1:8000", tasks, schedules,
                Map.of("load", List.of("extract", "transform")), ZoneId.of("UTC"), Instant.now());
    }

    /** The definition of {@code name} that supports {@code version}, or {@code null}. */
    private static JsonNode definition(String name, double version) {
        for (JsonNode definition : definitions) {
            if (!name.equals(definition.path("name").asText())) {
                continue;
            }
            JsonNode versions = definition.path("version");
            if (versions.isArray()) {
                for (JsonNode v : versions) {
                    if (v.asDouble() == version) {
                        return definition;
                    }
                }
            } else if (versions.asDouble() == version) {
                return definition;
            }
        }
        return null;
    }

    private static void checkParameters(String type, double version, JsonNode properties, JsonNode parameters) {
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            JsonNode property = shownProperty(properties, parameter.getKey(), parameters, version);
            assertThat(property).as("%s %s has parameter '%s' shown beside %s", type, version, parameter.getKey(),
                    parameters).isNotNull();
            checkValue(type, property, parameter.getValue());
        }
    }

    private static void checkValue(String type, JsonNode property, JsonNode value) {
        String kind = property.path("type").asText();
        String name = property.path("name").asText();
        if (kind.equals("options")) {
            List<String> offered = new ArrayList<>();
            property.path("options").forEach(o -> offered.add(o.path("value").asText()));
            assertThat(offered).as("%s: values of '%s'", type, name).contains(value.asText());
        } else if (kind.equals("string")) {
            assertThat(value.isTextual()).as("%s: '%s' is text", type, name).isTrue();
        } else if (kind.equals("collection")) {
            assertThat(value.isObject()).as("%s: '%s' is an object", type, name).isTrue();
        } else if (kind.equals("fixedCollection")) {
            // {"interval": [{...}]}: each group must be one the property offers, with values it defines.
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> group = it.next();
                JsonNode offered = null;
                for (JsonNode option : property.path("options")) {
                    if (option.path("name").asText().equals(group.getKey())) {
                        offered = option;
                    }
                }
                assertThat(offered).as("%s: '%s' offers '%s'", type, name, group.getKey()).isNotNull();
                for (JsonNode item : group.getValue()) {
                    for (Iterator<Map.Entry<String, JsonNode>> f = item.fields(); f.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = f.next();
                        JsonNode inner = shownProperty(offered.path("values"), field.getKey(), item, Double.NaN);
                        assertThat(inner).as("%s: '%s.%s' exists and is shown beside %s", type, name,
                                field.getKey(), item).isNotNull();
                        checkValue(type, inner, field.getValue());
                    }
                }
            }
        }
    }

    /** The property named {@code name} whose display conditions hold for {@code values} and {@code version}. */
    private static JsonNode shownProperty(JsonNode properties, String name, JsonNode values, double version) {
        for (JsonNode property : properties) {
            if (name.equals(property.path("name").asText()) && shown(property, properties, values, version)) {
                return property;
            }
        }
        return null;
    }

    private static boolean shown(JsonNode property, JsonNode properties, JsonNode values, double version) {
        JsonNode show = property.path("displayOptions").path("show");
        for (Iterator<Map.Entry<String, JsonNode>> it = show.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            if (!anyMatches(condition.getValue(), value(condition.getKey(), properties, values, version))) {
                return false;
            }
        }
        JsonNode hide = property.path("displayOptions").path("hide");
        for (Iterator<Map.Entry<String, JsonNode>> it = hide.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            JsonNode value = value(condition.getKey(), properties, values, version);
            if (value != null && anyMatches(condition.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    /** A parameter's value as n8n sees it: as set, else its default; {@code @version} is the type version. */
    private static JsonNode value(String key, JsonNode properties, JsonNode values, double version) {
        if (key.equals("@version")) {
            return Double.isNaN(version) ? null : MAPPER.getNodeFactory().numberNode(version);
        }
        if (values.has(key)) {
            return values.get(key);
        }
        for (JsonNode property : properties) {
            if (key.equals(property.path("name").asText()) && property.has("default")) {
                return property.get("default");
            }
        }
        return null;
    }

    private static boolean anyMatches(JsonNode allowed, JsonNode value) {
        if (value == null) {
            return false;
        }
        for (JsonNode candidate : allowed) {
            if (matches(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode candidate, JsonNode value) {
        JsonNode condition = candidate.get("_cnd");
        if (condition == null) {
            return candidate.isNumber() && value.isNumber() ? candidate.asDouble() == value.asDouble()
                    : candidate.equals(value);
        }
        Map.Entry<String, JsonNode> test = condition.fields().next();
        double v = value.asDouble();
        double c = test.getValue().asDouble();
        return switch (test.getKey()) {
            case "gte" -> v >= c;
            case "gt" -> v > c;
            case "lte" -> v <= c;
            case "lt" -> v < c;
            case "eq" -> matches(test.getValue(), value);
            case "not" -> !matches(test.getValue(), value);
            default -> false;
        };
    }

    /** One file of a gzipped tar archive (the npm package format). */
    private static byte[] entry(Path tgz, String wanted) throws IOException {
        try (InputStream file = Files.newInputStream(tgz);
                DataInputStream in = new DataInputStream(new GZIPInputStream(file, 1 << 16))) {
            byte[] header = new byte[512];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                String name = text(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = text(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(text(header, 124, 12).strip(), 8);
                long padded = (size + 511) / 512 * 512;
                if (path.equals(wanted)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                    byte[] buffer = new byte[1 << 16];
                    for (long left = size; left > 0; ) {
                        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (read < 0) {
                            throw new EOFException(wanted + " is cut short in " + tgz);
                        }
                        out.write(buffer, 0, read);
                        left -= read;
                    }
                    return out.toByteArray();
                }
                in.skipNBytes(padded);
            }
        }
        throw new IOException(wanted + " is not in " + tgz);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).strip();
    }
}
