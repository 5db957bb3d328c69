package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.Pointer;
import io.cascadence.api.StoreFullException;

class PointerLogTest {

    private final AtomicInteger changes = new AtomicInteger();
    private final PointerLog log = new PointerLog(changes::incrementAndGet);

    private static Map<String, List<Pointer>> parse(String yaml) {
        return PointerLog.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Object load(byte[] yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
    }

    @Test
    void aBoundedAddIsRefusedPastTheTasksLimitOrANewTaskPastTheTaskLimitAndChangesNothing() {
        log.addBounded("report", new Pointer("r1", "u1", null), 2, 2);
        log.addBounded("report", new Pointer("r2", "u1", null), 2, 2);
        log.addBounded("report", new Pointer("r2", "u1", null), 2, 2); // one it has is no more

        assertThatThrownBy(() -> log.addBounded("report", new Pointer("r3", "u1", null), 2, 2))
                .isInstanceOf(StoreFullException.class).hasMessageContaining("'report' holds 2 pointers");
        log.addBounded("other", new Pointer("r1", "u1", null), 2, 2);
        assertThatThrownBy(() -> log.addBounded("third", new Pointer("r1", "u1", null), 2, 2))
                .isInstanceOf(StoreFullException.class).hasMessageContaining("pointers of 2 tasks");

        assertThat(log.pointers("report")).hasSize(2);
        assertThat(log.pointers("third")).isEmpty();
        assertThat(changes).hasValue(3);
    }

    @Test
    void identicalPointersAreKeptOnceAndOnlyNewOnesCountAsChanges() {
        log.add("report", new Pointer("r1", "u1", "g1"));
        log.add("report", new Pointer("r1", "u1", "g1"));
        log.add("report", new Pointer("r1", "u1", "g1"));

        assertThat(log.pointers("report")).containsExactly(new Pointer("r1", "u1", "g1"));
        assertThat(changes).hasValue(1);

        log.add("report", new Pointer("r1", "u2", "g1")); // another user: a pointer of its own
        log.add("report", new Pointer("r1", "u1", null)); // no group: a pointer of its own
        log.add("other", new Pointer("r1", "u1", "g1")); // another task: a pointer of its own

        assertThat(log.pointers("report")).hasSize(3);
        assertThat(log.pointers("other")).hasSize(1);
        assertThat(changes).hasValue(4);
    }

    @Test
    void pointersAreListedInTheOrderTheyWereAddedPerTask() {
        log.add("report", new Pointer("r3", "u", null));
        log.add("other", new Pointer("x", "u", null));
        log.add("report", new Pointer("r1", "u", null));
        log.add("report", new Pointer("r2", "u", null));
        log.add("report", new Pointer("r3", "u", null)); // duplicate: keeps its first place

        assertThat(log.pointers("report")).extracting(Pointer::runId).containsExactly("r3", "r1", "r2");
        assertThat(log.pointers("other")).extracting(Pointer::runId).containsExactly("x");
        assertThat(log.pointers("unknown")).isEmpty();
    }

    @Test
    void aListHandedOutDoesNotChangeWithLaterAdds() {
        log.add("report", new Pointer("r1", "u", null));
        List<Pointer> before = log.pointers("report");

        log.add("report", new Pointer("r2", "u", null));

        assertThat(before).extracting(Pointer::runId).containsExactly("r1");
    }

    @Test
    void theSnapshotHasRunIdAndUserHashAndTheGroupHashOnlyWhenPresent() {
        log.add("report", new Pointer("r1", "u1", "g1"));
        log.add("report", new Pointer("r2", "u2", null));
        log.add("other", new Pointer("r3", "u3", null));

        Object document = load(log.snapshot());

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("run_id", "r1");
        first.put("user_hash", "u1");
        first.put("group_hash", "g1");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("report", List.of(first, Map.of("run_id", "r2", "user_hash", "u2")));
        expected.put("other", List.of(Map.of("run_id", "r3", "user_hash", "u3")));
        assertThat(document).isEqualTo(expected);
        assertThat(new String(log.snapshot(), StandardCharsets.UTF_8)).doesNotContain("null");
    }

    @Test
    void anEmptyLogSnapshotsToAnEmptyMapping() {
        assertThat(parse(new String(log.snapshot(), StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void parseReadsTheSnapshotBack() {
        log.add("report", new Pointer("r1", "u1", "g1"));
        log.add("report", new Pointer("r2", "0123", null)); // a hash that looks like a number
        log.add("other", new Pointer("1e10", "u3", "true"));

        Map<String, List<Pointer>> parsed = PointerLog.parse(log.snapshot());

        assertThat(parsed.keySet()).containsExactly("report", "other");
        assertThat(parsed.get("report")).isEqualTo(log.pointers("report"));
        assertThat(parsed.get("other")).isEqualTo(log.pointers("other"));
    }

    @Test
    void parseAcceptsTheOriginalsGroupIdKeyAsTheGroup() {
        Map<String, List<Pointer>> parsed = parse("""
                report:
                - run_id: r1
                  user_hash: u1
                  group_id: team-a
                - run_id: r2
                  user_hash: u2
                """);

        assertThat(parsed.get("report")).containsExactly(new Pointer("r1", "u1", "team-a"),
                new Pointer("r2", "u2", null));
    }

    @Test
    void parsePrefersGroupHashOverGroupId() {
        Map<String, List<Pointer>> parsed = parse("""
                report:
                - run_id: r1
                  user_hash: u1
                  group_hash: hashed
                  group_id: plain
                """);

        assertThat(parsed.get("report")).containsExactly(new Pointer("r1", "u1", "hashed"));
    }

    @Test
    void parseTakesUnquotedScalarsAsText() {
        Map<String, List<Pointer>> parsed = parse("""
                report:
                - run_id: 12345
                  user_hash: abc
                """);

        assertThat(parsed.get("report")).containsExactly(new Pointer("12345", "abc", null));
    }

    @Test
    void parseOfAnEmptyFileIsEmpty() {
        assertThat(PointerLog.parse(new byte[0])).isEmpty();
        assertThat(parse("report: []\n")).containsExactly(Map.entry("report", List.of()));
    }

    @Test
    void aPointerWithoutRunIdIsRefusedNamingTheTask() {
        assertThatThrownBy(() -> parse("""
                fine: []
                weekly-report:
                - user_hash: u1
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weekly-report")
                .hasMessageContaining("run_id");
    }

    @Test
    void aPointerWithoutUserHashIsRefusedNamingTheTask() {
        assertThatThrownBy(() -> parse("""
                weekly-report:
                - run_id: r1
                  group_hash: g
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weekly-report")
                .hasMessageContaining("user_hash");
    }

    @Test
    void aPointerThatIsNotAMappingIsRefusedNamingTheTask() {
        assertThatThrownBy(() -> parse("weekly-report:\n- r1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weekly-report");
    }

    @Test
    void aTaskWhoseValueIsNotAListIsRefusedNamingTheTask() {
        assertThatThrownBy(() -> parse("weekly-report:\n  run_id: r1\n  user_hash: u1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weekly-report")
                .hasMessageContaining("list");
    }

    @Test
    void aListAtTopLevelIsRefusedAskingForAMapping() {
        assertThatThrownBy(() -> parse("- run_id: r1\n  user_hash: u1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping");
    }
}
