package io.cascadence.dashboard.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which path is which file of the bundle's ui/ folder, and that nothing outside it can be named. */
class DashboardServletTest {

    @Test
    void theRootAndIndexHtmlAreThePage() {
        assertThat(DashboardServlet.assetName("/", null)).isEqualTo("index.html");
        assertThat(DashboardServlet.assetName("", "/")).isEqualTo("index.html");
        assertThat(DashboardServlet.assetName("/index.html", null)).isEqualTo("index.html");
    }

    @Test
    void assetsAreTheRestOfThePathBelowUi() {
        assertThat(DashboardServlet.assetName("/ui", "/app.js")).isEqualTo("app.js");
        assertThat(DashboardServlet.assetName("/ui", "/app.css")).isEqualTo("app.css");
    }

    @Test
    void anyOtherPathIsNotTheDashboards() {
        assertThat(DashboardServlet.assetName("/nope", null)).isNull();
        assertThat(DashboardServlet.assetName("/tasks/x", null)).isNull();
        assertThat(DashboardServlet.assetName("/ui", null)).isNull();
        assertThat(DashboardServlet.assetName("/ui", "/")).isNull();
    }

    @Test
    void aNameThatCouldLeaveTheFolderIsRefused() {
        assertThat(DashboardServlet.assetName("/ui", "/../META-INF/MANIFEST.MF")).isNull();
        assertThat(DashboardServlet.assetName("/ui", "//etc/passwd")).isNull();
        assertThat(DashboardServlet.assetName("/ui", "/a\\b")).isNull();
    }

    @Test
    void typesAreThoseBrowsersExpect() {
        assertThat(DashboardServlet.type("app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(DashboardServlet.type("index.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(DashboardServlet.type("app.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(DashboardServlet.type("icon.svg")).isEqualTo("image/svg+xml");
    }
}
