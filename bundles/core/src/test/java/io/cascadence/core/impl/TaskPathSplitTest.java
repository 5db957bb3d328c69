package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cascadence.api.CascadenceException;

/** The form of a {@code bundle:Class} path, checked before any class loader sees it. */
class TaskPathSplitTest {

    @Test
    void aBundleAndAFullyQualifiedClassNameAreAccepted() {
        TaskPathRequest request = TaskPathRequest.of(
                " io.cascadence.examples.pipeline : io.cascadence.examples.Fan$Out_1 ", null, null);
        assertThat(request.bundle()).isEqualTo("io.cascadence.examples.pipeline");
        assertThat(request.className()).isEqualTo("io.cascadence.examples.Fan$Out_1");
        assertThat(TaskPathRequest.of("b:C", null, null).path()).isEqualTo("b:C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b/C", "io/cascadence/plugins/example/ExampleTask", "[Ljava.lang.String;", "..",
        "a..b", ".a", "a.", "1a.B", "a.b-c.D", "a b", "a\u0000b", "a.b\u200bc", "java.lang.String[]"})
    void aClassNameThatIsNotJavaIdentifiersJoinedByDotsIsRefusedNamingIt(String className) {
        assertThatThrownBy(() -> TaskPathRequest.of("bundle:" + className, null, null))
                .isInstanceOf(CascadenceException.class)
                .hasMessageContaining("'" + className.strip() + "' is not a class name")
                .hasMessageContaining("Java identifiers joined by dots");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-colon", ":C", "b:", "a:b:C", " : "})
    void aPathThatIsNotBundleColonClassIsRefused(String path) {
        assertThatThrownBy(() -> TaskPathRequest.of(path, null, null))
                .isInstanceOf(CascadenceException.class)
                .hasMessageStartingWith("path must be 'bundle:Class'");
    }
}
