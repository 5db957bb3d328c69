package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;

/** What POST /pointers/{task}/receive takes from another instance. */
class PointerReceiveTest {

    private static final String HASH = Identity.hash("", "alice");

    @Test
    void aTaskNameARunIdAndAHashAreTaken() {
        PointersServlet.checkReceived("family_pointer", "1b4e28ba-2fa1-11d2-883f-0016d3cca427.1", HASH);
    }

    @Test
    void aUserHashThatIsNotSha256HexIsRefusedNamingIt() {
        assertThatThrownBy(() -> PointersServlet.checkReceived("p", "run", "abc"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("user_hash must be 64 lowercase");
        assertThatThrownBy(() -> PointersServlet.checkReceived("p", "run", HASH.toUpperCase()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aLongRunIdAndABadTaskNameAreRefused() {
        assertThatThrownBy(() -> PointersServlet.checkReceived("p", "r".repeat(201), HASH))
                .hasMessageContaining("run_id is 201 characters long; at most 200");
        assertThatThrownBy(() -> PointersServlet.checkReceived("-x", "run", HASH))
                .hasMessageContaining("is not a task name");
        assertThat(PointersServlet.MAX_RUN_ID).isEqualTo(200);
    }
}
