package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarCheckTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path plugins;

    private long now;

    private PluginJarCheck check() {
        return new PluginJarCheck(plugins, () -> now);
    }

    @Test
    void aCorruptJarIsReportedOnceItHasBeenQuietLongEnough() throws IOException {
        PluginJarCheck check = check();
        Path jar = plugins.resolve("broken.jar");
        Files.writeString(jar, "not a zip");

        check.scan();
        now += SECOND;
        check.scan();
        assertThat(check.problems()).as("changed less than two seconds ago").isEmpty();

        now += SECOND;
        check.scan();
        assertThat(check.problems()).containsOnlyKeys(jar);
        assertThat(check.problems().get(jar)).contains("not a readable jar file");
    }

    @Test
    void aSlowCopyIsNotReportedWhileItGrowsAndNotAtAllOnceComplete() throws IOException {
        PluginJarCheck check = check();
        Path jar = plugins.resolve("slow.jar");
        byte[] bundle = bundleBytes();
        for (int written = 100; written < bundle.length; written += 100) {
            Files.write(jar, Arrays.copyOf(bundle, written));
            // A chunk every 1.2 s, with polls every 0.5 s in between: the same partial file is seen twice.
            check.scan();
            now += 500_000_000L;
            check.scan();
            now += 700_000_000L;
            assertThat(check.problems()).as("after %d bytes", written).isEmpty();
        }
        Files.write(jar, bundle);
        for (int i = 0; i < 4; i++) {
            check.scan();
            now += SECOND;
        }
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void aJarWithoutBundleHeadersIsNamedAndAFixedOneIsForgiven() throws IOException {
        PluginJarCheck check = check();
        Path jar = plugins.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out)) {
            // a jar with no manifest at all
        }
        quiet(check);
        assertThat(check.problems().get(jar)).contains("no META-INF/MANIFEST.MF");

        Files.write(jar, bundleBytes());
        quiet(check);
        assertThat(check.problems()).isEmpty();
    }

    private void quiet(PluginJarCheck check) {
        for (int i = 0; i < 4; i++) {
            check.scan();
            now += SECOND;
        }
    }

    private static byte[] bundleBytes() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "example.bundle");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("padding.txt"));
            out.write(new byte[2000]);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
