package io.cascadence.scheduler.impl.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskGraphTest {

    @Test
    void runsPrerequisitesFirstEachOnce() {
        TaskGraph graph = new TaskGraph(Map.of("A", List.of("B", "C"), "B", List.of("C")));
        assertThat(graph.order("A")).containsExactly("C", "B", "A");
        assertThat(graph.order("C")).containsExactly("C");
    }

    @Test
    void theSeedsEtlChain() {
        TaskGraph graph = new TaskGraph(Map.of("Transform", List.of("Extract"), "Load", List.of("Transform")));
        assertThat(graph.order("Load")).containsExactly("Extract", "Transform", "Load");
    }

    @Test
    void aCycleIsNamed() {
        TaskGraph graph = new TaskGraph(Map.of("A", List.of("B")));
        assertThat(graph.cycle()).isEmpty();
        TaskGraph cyclic = new TaskGraph(Map.of("A", List.of("B"), "B", List.of("A")));
        assertThat(cyclic.cycle()).contains("A -> B -> A");
        assertThatThrownBy(() -> cyclic.order("A")).hasMessage("Cyclic dependency detected: A -> B -> A");
        assertThat(new TaskGraph(Map.of("A", List.of("A"))).cycle()).contains("A -> A");
    }

    @Test
    void anEmptyListRemovesADeclaration() {
        TaskGraph graph = new TaskGraph(Map.of("A", List.of()));
        assertThat(graph.asMap()).isEmpty();
        assertThat(graph.order("A")).containsExactly("A");
    }
}
