package io.cascadence.core.impl.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Jars for the tests, built in memory. Every entry is STORED with a fixed time, so two bundles whose manifests
 * differ only in characters (a version 1.0.1 against 1.0.2) have exactly the same size.
 */
final class Jars {

    private Jars() {
    }

    static byte[] bundle(String symbolicName, String version) {
        return jar("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + symbolicName
                + "\r\nBundle-Version: " + version + "\r\n\r\n");
    }

    static byte[] withManifest(String manifest) {
        return jar(manifest);
    }

    /** A jar without any manifest. */
    static byte[] plainJar() {
        return jar(null);
    }

    private static byte[] jar(String manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            if (manifest != null) {
                stored(out, "META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
            }
            stored(out, "padding.txt", "x".repeat(2000).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void stored(JarOutputStream out, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTime(0);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
