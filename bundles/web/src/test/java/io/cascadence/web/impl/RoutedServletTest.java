package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Every servlet refuses unknown paths and methods alike, before its own code runs. */
class RoutedServletTest {

    /** Records which of its methods ran. */
    private static final class Probe extends RoutedServlet {

        private static final long serialVersionUID = 1L;

        String ran;

        @Override
        protected Routes routes() {
            return Routes.of(Routes.route("", "GET"), Routes.route("{id}/cancel", "POST"));
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            ran = "GET";
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            ran = "POST";
        }
    }

    private static Fakes.Response call(Probe probe, String method, String pathInfo)
            throws ServletException, IOException {
        Fakes.Response response = new Fakes.Response();
        probe.service(Fakes.request(method, pathInfo, new byte[0], false), response.proxy);
        return response;
    }

    @Test
    void aMethodItsRouteTakesReachesTheServlet() throws Exception {
        Probe probe = new Probe();

        call(probe, "POST", "/r1/cancel");

        assertThat(probe.ran).isEqualTo("POST");
    }

    @Test
    void anUnknownPathIs404JsonWhateverTheMethod() throws Exception {
        for (String method : new String[] {"GET", "POST", "PUT", "OPTIONS", "FOO"}) {
            Probe probe = new Probe();
            Fakes.Response response = call(probe, method, "/r1");

            assertThat(response.status).as(method).isEqualTo(404);
            assertThat(response.contentType).isEqualTo("application/json");
            assertThat(response.text()).isEqualTo("{\"status\":404,\"detail\":\"Not found: /tasks/r1\"}");
            assertThat(probe.ran).isNull();
        }
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405WithAllowNamingWhatItTakes() throws Exception {
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "TRACE", "PATCH", "FOO"}) {
            Probe probe = new Probe();
            Fakes.Response response = call(probe, method, "/r1/cancel");

            assertThat(response.status).as(method).isEqualTo(405);
            assertThat(response.headers).containsEntry("Allow", "POST, OPTIONS");
            assertThat(response.text()).isEqualTo("{\"status\":405,\"detail\":\"Method " + method
                    + " is not allowed on /tasks/r1/cancel; it accepts POST, OPTIONS\"}");
            assertThat(probe.ran).isNull();
        }
    }

    @Test
    void optionsIs204WithAllow() throws Exception {
        Probe probe = new Probe();
        Fakes.Response response = call(probe, "OPTIONS", "/");

        assertThat(response.status).isEqualTo(204);
        assertThat(response.headers).containsEntry("Allow", "GET, HEAD, OPTIONS");
        assertThat(response.text()).isEmpty();
        assertThat(probe.ran).isNull();
    }
}
