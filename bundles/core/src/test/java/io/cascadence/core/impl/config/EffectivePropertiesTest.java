package io.cascadence.core.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ConfigurationPlugin hands a bundle in place of what ConfigAdmin holds. */
class EffectivePropertiesTest {

    @TempDir
    Path home;

    private Configurations configurations(Map<String, String> environment) {
        return new Configurations(home, home.resolve("data"), new YamlConfigFile(home.resolve("c.yml"), false),
                environment, new CfgOwners(), (before, after) -> { });
    }

    private static Dictionary<String, Object> properties(Map<String, Object> values) {
        return new Hashtable<>(values);
    }

    @Test
    void aBundleGetsTheEffectiveNormalisedValuesOfItsPidAndConfigAdminsBookkeeping() {
        Configurations configurations = configurations(Map.of("CASCADENCE_TIMEZONE", "Asia/Tokyo"));
        String file = home.resolve("io.cascadence.cfg").toUri().toString();
        Dictionary<String, Object> properties = properties(Map.of("service.pid", "io.cascadence",
                "felix.fileinstall.filename", file, "backend", " BASE",
                "colour", "blue", "timezone", "Europe/Paris", "max_concurrent_runs", "x"));

        assertThat(EffectiveProperties.process(configurations, properties)).isTrue();

        assertThat(properties.get("backend")).isEqualTo("base");
        assertThat(properties.get("max_concurrent_runs")).isEqualTo(32);
        assertThat(properties.get("service.pid")).isEqualTo("io.cascadence");
        assertThat(properties.get("felix.fileinstall.filename")).isEqualTo(file);
        assertThat(Collections.list(properties.keys())).doesNotContain("colour", "timezone")
                .contains("hash_secret", "stages_path", "run_retention");
        assertThat(configurations.current().problems()).anySatisfy(p -> assertThat(p).contains("'x'"))
                .anySatisfy(p -> assertThat(p).contains("timezone belongs to PID io.cascadence.scheduler"));
    }

    @Test
    void anInvalidEditKeepsThePreviousValueForTheBundle() {
        Configurations configurations = configurations(Map.of());
        EffectiveProperties.process(configurations, properties(Map.of("service.pid", "io.cascadence.scheduler",
                "timezone", "Europe/Paris")));

        Dictionary<String, Object> edited = properties(Map.of("service.pid", "io.cascadence.scheduler",
                "timezone", "Mars/Olympus_Mons"));
        EffectiveProperties.process(configurations, edited);

        assertThat(edited.get("timezone")).isEqualTo("Europe/Paris");
    }

    @Test
    void otherPidsAreLeftAsTheyAre() {
        Dictionary<String, Object> properties = properties(Map.of("service.pid", "org.apache.felix.http",
                "port", "9"));

        assertThat(EffectiveProperties.process(configurations(Map.of()), properties)).isTrue();

        assertThat(properties.get("port")).isEqualTo("9");
    }
}
