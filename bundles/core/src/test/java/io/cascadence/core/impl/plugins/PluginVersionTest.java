package io.cascadence.core.impl.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginVersionTest {

    @Test
    void versionsCompareByNumberThenByQualifier() {
        assertThat(PluginVersion.parse("1.10.0")).isGreaterThan(PluginVersion.parse("1.9.0"));
        assertThat(PluginVersion.parse("1.0.0.b")).isGreaterThan(PluginVersion.parse("1.0.0.a"));
        assertThat(PluginVersion.parse("1.0.0.a")).isGreaterThan(PluginVersion.parse("1.0.0"));
        assertThat(PluginVersion.parse("2")).isEqualByComparingTo(PluginVersion.parse("2.0.0"));
    }

    @Test
    void aMissingHeaderIsVersionZeroAndAMalformedOneIsRefusedNamingIt() {
        assertThat(PluginVersion.parse(null)).hasToString("0.0.0");
        assertThat(PluginVersion.parse(" 1.2.3.2026 ")).hasToString("1.2.3.2026");
        assertThatThrownBy(() -> PluginVersion.parse("1.2.3.4.5")).hasMessageContaining("'1.2.3.4.5'");
        assertThatThrownBy(() -> PluginVersion.parse("v1")).hasMessageContaining("major[.minor[.micro[.qualifier]]]");
    }
}
