package io.cascadence.scheduler.impl.book;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/** The YAML settings of {@code schedules.yml}: safe loading, block style, no line splitting. Not thread-safe. */
final class Yamls {

    /** Far above any real file; snakeyaml's default (3 MB) is reached by about 15,000 entries with identities. */
    private static final int MAX_CHARACTERS = 256 * 1024 * 1024;

    private final Yaml yaml;

    Yamls() {
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(MAX_CHARACTERS);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setSplitLines(false);
        yaml = new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
    }

    /**
     * The document's top node, or {@code null} when it is empty.
     *
     * @throws IllegalArgumentException saying where it is not YAML, or that it is not a mapping
     */
    MappingNode composeMapping(Reader reader) {
        Node root;
        try {
            root = yaml.compose(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
        if (root == null || root instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) {
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("it is not a mapping of task names to schedules");
        }
        return mapping;
    }

    /**
     * The document as Java values, empty when it is empty.
     *
     * @throws IllegalArgumentException saying where it is not YAML, or that it is not a mapping
     */
    Map<String, Object> loadMapping(String text) {
        Object document;
        try {
            document = yaml.load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("it is not a mapping of task names to identities");
        }
        Map<String, Object> entries = new HashMap<>();
        map.forEach((key, value) -> entries.put(String.valueOf(key), value));
        return entries;
    }

    Node represent(Object value) {
        return yaml.represent(value);
    }

    /** A block mapping of {@code tuples}, in their order, as UTF-8 YAML ({@code {}} when empty). */
    byte[] serialize(List<NodeTuple> tuples) {
        StringWriter out = new StringWriter();
        yaml.serialize(new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] dump(Map<String, Object> value) {
        return yaml.dump(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The sidecar's string ids per task; anything else in it is ignored, as the original did. */
    static Map<String, Map<String, String>> plainIds(Map<String, Object> sidecar) {
        Map<String, Map<String, String>> ids = new HashMap<>();
        sidecar.forEach((task, value) -> {
            if (value instanceof Map<?, ?> map) {
                Map<String, String> strings = new HashMap<>();
                map.forEach((key, id) -> {
                    if (key instanceof String k && id instanceof String s && !s.isBlank()) {
                        strings.put(k, s);
                    }
                });
                ids.put(task, strings);
            }
        });
        return ids;
    }

    private static String describe(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return "it is not valid YAML: " + marked.getProblem() + " at line "
                    + (marked.getProblemMark().getLine() + 1) + ", column " + (marked.getProblemMark().getColumn() + 1);
        }
        return "it is not valid YAML: " + e.getMessage();
    }
}
