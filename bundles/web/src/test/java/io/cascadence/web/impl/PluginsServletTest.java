package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may change the plugin folders: a client on the machine Cascadence runs on. */
class PluginsServletTest {

    @Test
    void loopbackClientsAreLocal() {
        assertThat(PluginsServlet.local("127.0.0.1")).isTrue();
        assertThat(PluginsServlet.local("::1")).isTrue();
    }

    @Test
    void aClientElsewhereIsNot() {
        // 203.0.113.0/24 is reserved for documentation (RFC 5737): no interface of a real machine has it.
        assertThat(PluginsServlet.local("203.0.113.9")).isFalse();
    }
}
