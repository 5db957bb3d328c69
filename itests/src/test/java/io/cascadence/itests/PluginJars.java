package io.cascadence.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/** Variants of a plugin jar, built by the tests as a user's build would make new releases of it. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * A copy of the jar whose manifest says another Bundle-Version: a new release of the same plugin. Every entry is
     * STORED with a fixed time, so two variants whose versions have the same length have exactly the same size.
     */
    static Path withVersion(Path jar, String version) {
        try (JarFile source = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
            manifest.write(manifestBytes);
            Path target = Installation.tempFile("plugin-" + version, ".jar");
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file)) {
                stored(out, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
                for (JarEntry entry : source.stream().toList()) {
                    if (entry.isDirectory() || entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    try (InputStream in = source.getInputStream(entry)) {
                        stored(out, entry.getName(), in.readAllBytes());
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of the jar: what an interrupted copy or a full disk leaves behind. */
    static Path truncated(Path jar) {
        try {
            byte[] bytes = Files.readAllBytes(jar);
            Path target = Installation.tempFile("truncated", ".jar");
            return Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
