package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code GET /dependencies}, over an in-memory Schedules service. */
class DependenciesServletTest {

    private final FakeSchedules schedules = new FakeSchedules("extract", "transform", "load");
    private final DependenciesServlet servlet = new DependenciesServlet();

    private Fakes.Response get() throws IOException {
        return Exchange.of("GET", "/dependencies").send(servlet, "/dependencies");
    }

    @Test
    void eachTaskWithPrerequisitesIsListedWithThemOrderedByTask() throws IOException {
        Exchange.inject(servlet, "schedules", schedules);
        schedules.setDependencies("transform", List.of("extract"));
        schedules.setDependencies("load", List.of("transform", "extract"));

        Fakes.Response response = get();

        assertThat(response.status).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"load\":[\"transform\",\"extract\"],\"transform\":[\"extract\"]}");
    }

    @Test
    void noneDeclaredIsAnEmptyObject() throws IOException {
        Exchange.inject(servlet, "schedules", schedules);

        assertThat(get().text()).isEqualTo("{}");
    }

    @Test
    void withoutTheSchedulerBundleIts503() throws IOException {
        Fakes.Response response = get();

        assertThat(response.status).isEqualTo(503);
    }
}
