package io.cascadence.transport.grpc.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cascadence.ume.spi.UmeConnection;

class GrpcSettingsTest {

    private final GrpcConnector connector = new GrpcConnector();

    @AfterEach
    void closeAll() {
        connector.closeAll();
    }

    @Test
    void aMissingTargetIsRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> connector.open(Map.of()))
                .withMessage("ume_grpc_stub is not set: give the gRPC target host:port");
        assertThatIllegalArgumentException().isThrownBy(() -> connector.open(Map.of("ume_grpc_stub", "  ")))
                .withMessageStartingWith("ume_grpc_stub is not set");
    }

    @Test
    void thePythonOriginalsModuleAttrStubIsRefusedWithWhatCascadenceWants() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> connector.open(Map.of("ume_grpc_stub", "myapp.ume_stubs:UmeStub")))
                .withMessageContainingAll("ume_grpc_stub", "'myapp.ume_stubs:UmeStub'", "module:attr", "host:port");
    }

    @Test
    void aTargetWithoutAUsablePortIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> connector.open(Map.of("ume_grpc_stub", "localhost")))
                .withMessageContainingAll("ume_grpc_stub", "'localhost'", "no port", "host:port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> connector.open(Map.of("ume_grpc_stub", "localhost:70000")))
                .withMessageContainingAll("ume_grpc_stub", "'localhost:70000'", "1 to 65535");
    }

    @Test
    void aTargetUriGrpcDoesNotKnowIsRefusedNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> connector.open(Map.of("ume_grpc_stub", "nosuchscheme://somewhere:1")))
                .withMessageContainingAll("ume_grpc_stub", "'nosuchscheme://somewhere:1'", "host:port");
    }

    @Test
    void aMethodThatIsNotAMethodNameIsRefusedNamingTheKey() {
        Map<String, String> settings = new HashMap<>(Map.of("ume_grpc_stub", "127.0.0.1:50051"));
        for (String bad : new String[] {"Send Now", "my.pkg.Sink/", "/Take", "my..Sink/Take", "ume:send"}) {
            settings.put("ume_grpc_method", bad);
            assertThatIllegalArgumentException().isThrownBy(() -> connector.open(settings))
                    .withMessageContainingAll("ume_grpc_method", "'" + bad + "'", "package.Service/Method");
        }
    }

    @Test
    void aShortMethodIsAMethodOfTheUmeServiceAndTheDefaultIsSend() {
        assertThat(target(Map.of("ume_grpc_stub", "127.0.0.1:50051")))
                .isEqualTo("127.0.0.1:50051 method cascadence.ume.Ume/Send");
        assertThat(target(Map.of("ume_grpc_stub", "127.0.0.1:50051", "ume_grpc_method", "")))
                .isEqualTo("127.0.0.1:50051 method cascadence.ume.Ume/Send");
        assertThat(target(Map.of("ume_grpc_stub", "dns:///ume.example:443", "ume_grpc_method", "Publish")))
                .isEqualTo("dns:///ume.example:443 method cascadence.ume.Ume/Publish");
        assertThat(GrpcSettings.of(Map.of("ume_grpc_stub", "[::1]:50051", "ume_grpc_method", "my.pkg.Sink/Take"))
                .service()).isEqualTo("my.pkg.Sink");
    }

    private String target(Map<String, String> settings) {
        try (UmeConnection connection = connector.open(settings)) {
            return connection.target();
        }
    }
}
