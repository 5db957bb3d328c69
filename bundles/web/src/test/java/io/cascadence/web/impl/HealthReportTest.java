package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static BundleView bundle(String name, String state) {
        return new BundleView(name, "1.2.3", state, false, false, "file:/opt/cascadence/system/" + name + ".jar");
    }

    private static BundleView fragment(String name, String state) {
        return new BundleView(name, "1.2.3", state, true, false, "file:/opt/cascadence/system/" + name + ".jar");
    }

    private static BundleView plugin(String name, String state) {
        return new BundleView(name, "0.9.0", state, false, true, "file:/opt/cascadence/plugins/" + name + ".jar");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(HealthReport report, String key) {
        return (List<Map<String, Object>>) report.body().get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> culprits(HealthReport report) {
        return (List<String>) report.body().get("culprits");
    }

    @Test
    void allActiveIsUpAndListsOnlyCascadenceBundles() {
        HealthReport report = HealthReport.of(List.of(
                bundle("org.apache.felix.scr", "ACTIVE"),
                bundle("io.cascadence.api", "ACTIVE"),
                bundle("io.cascadence.core", "ACTIVE"),
                bundle("org.eclipse.jetty.server", "ACTIVE")));

        assertThat(report.up()).isTrue();
        assertThat(report.body()).containsEntry("status", "UP").doesNotContainKey("culprits");
        assertThat(list(report, "bundles")).containsExactly(
                Map.of("name", "io.cascadence.api", "version", "1.2.3", "state", "ACTIVE"),
                Map.of("name", "io.cascadence.core", "version", "1.2.3", "state", "ACTIVE"));
        assertThat(list(report, "plugins")).isEmpty();
    }

    @Test
    void resolvedThirdPartyBundleMakesItDownNamingTheCulprit() {
        HealthReport report = HealthReport.of(List.of(
                bundle("io.cascadence.core", "ACTIVE"),
                bundle("org.eclipse.jetty.server", "RESOLVED")));

        assertThat(report.up()).isFalse();
        assertThat(report.body()).containsEntry("status", "DOWN");
        assertThat(culprits(report)).containsExactly("org.eclipse.jetty.server 1.2.3 is RESOLVED");
        assertThat(list(report, "bundles")).extracting(b -> b.get("name")).containsExactly("io.cascadence.core");
    }

    @Test
    void resolvedCascadenceBundleMakesItDownAndIsListedWithItsState() {
        HealthReport report = HealthReport.of(List.of(
                bundle("io.cascadence.api", "ACTIVE"),
                bundle("io.cascadence.web", "RESOLVED")));

        assertThat(report.up()).isFalse();
        assertThat(report.body()).containsEntry("status", "DOWN");
        assertThat(culprits(report)).singleElement().asString().contains("io.cascadence.web", "RESOLVED");
        assertThat(list(report, "bundles"))
                .contains(Map.of("name", "io.cascadence.web", "version", "1.2.3", "state", "RESOLVED"));
    }

    @Test
    void resolvedFragmentIsHealthy() {
        HealthReport report = HealthReport.of(List.of(
                bundle("io.cascadence.core", "ACTIVE"),
                fragment("org.apache.felix.logback.fragment", "RESOLVED")));

        assertThat(report.up()).isTrue();
        assertThat(report.body()).containsEntry("status", "UP");
    }

    @Test
    void unresolvedFragmentMakesItDown() {
        HealthReport report = HealthReport.of(List.of(
                bundle("io.cascadence.core", "ACTIVE"),
                fragment("org.example.logging.fragment", "INSTALLED")));

        assertThat(report.up()).isFalse();
        assertThat(culprits(report)).containsExactly("org.example.logging.fragment 1.2.3 is INSTALLED");
    }

    @Test
    void nonActivePluginIsListedWithStateAndLocationButKeepsItUp() {
        HealthReport report = HealthReport.of(List.of(
                bundle("io.cascadence.core", "ACTIVE"),
                plugin("io.cascadence.plugins.broken", "INSTALLED")));

        assertThat(report.up()).isTrue();
        assertThat(report.body()).containsEntry("status", "UP").doesNotContainKey("culprits");
        assertThat(list(report, "plugins")).containsExactly(Map.of(
                "name", "io.cascadence.plugins.broken",
                "version", "0.9.0",
                "state", "INSTALLED",
                "location", "file:/opt/cascadence/plugins/io.cascadence.plugins.broken.jar"));
        assertThat(list(report, "bundles")).extracting(b -> b.get("name")).containsExactly("io.cascadence.core");
    }

    @Test
    void everyCulpritIsNamed() {
        HealthReport report = HealthReport.of(List.of(
                bundle("org.apache.felix.scr", "STARTING"),
                bundle("io.cascadence.core", "INSTALLED")));

        assertThat(culprits(report)).containsExactly(
                "org.apache.felix.scr 1.2.3 is STARTING",
                "io.cascadence.core 1.2.3 is INSTALLED");
    }

    @Test
    void warningsAreListedButKeepTheContainerUp() {
        HealthReport report = HealthReport.of(List.of(bundle("io.cascadence.core", "ACTIVE")),
                List.of("data/runs.json could not be read at start"));

        assertThat(report.up()).isTrue();
        assertThat(report.body()).containsEntry("status", "UP")
                .containsEntry("warnings", List.of("data/runs.json could not be read at start"));
    }
}
