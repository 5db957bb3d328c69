package io.cascadence.core.impl.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.Idea;

/**
 * {@code ideas.yml} in the original's shape: a list of {@code {text, user_hash, group_hash}} mappings, the hashes
 * only where known. The original wrote the plain group id as {@code group_id}; such an entry is read, and its
 * group hashed by the caller, so no plain id is written back.
 */
public final class IdeaFile {

    private IdeaFile() {
    }

    public static byte[] write(List<Idea> ideas) {
        List<Map<String, Object>> document = new ArrayList<>();
        for (Idea idea : ideas) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("text", idea.text());
            if (idea.userHash() != null) {
                entry.put("user_hash", idea.userHash());
            }
            if (idea.groupHash() != null) {
                entry.put("group_hash", idea.groupHash());
            }
            document.add(entry);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(Integer.MAX_VALUE); // an idea stays on one line, however long
        return new Yaml(options).dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code ideas.yml}; an entry's group is returned as stored ({@code group_hash}, else the original's plain
     * {@code group_id}), for the caller to hash.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<Idea> parse(byte[] content) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(content, StandardCharsets.UTF_8));
        List<Idea> ideas = new ArrayList<>();
        if (document == null) {
            return ideas;
        }
        if (!(document instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list of ideas, each a mapping with 'text'");
        }
        int index = 0;
        for (Object item : list) {
            index++;
            if (!(item instanceof Map<?, ?> fields) || fields.get("text") == null) {
                throw new IllegalArgumentException("idea " + index + " is not a mapping with 'text'");
            }
            Object group = fields.get("group_hash") != null ? fields.get("group_hash") : fields.get("group_id");
            ideas.add(new Idea(String.valueOf(fields.get("text")), text(fields.get("user_hash")), text(group)));
        }
        return ideas;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
