package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;

/**
 * What one jar of {@code plugins/} held when it was read: a bundle (its symbolic name and version), or the reason
 * it cannot be deployed.
 *
 * @param sha256 the content's hash; {@code null} only when the file could not be read at all
 * @param symbolicName the Bundle-SymbolicName without its directives; {@code null} when broken
 * @param problem why it is not a deployable bundle, said to the user; {@code null} when it is one
 */
record PluginJar(String sha256, String symbolicName, PluginVersion version, boolean fragment, String problem) {

    static PluginJar broken(String sha256, String problem) {
        return new PluginJar(sha256, null, null, false, problem);
    }

    /**
     * Reads the snapshot's manifest and checks every entry against its CRC, so that a truncated copy (no central
     * directory) and a damaged one (bytes changed inside an entry) are both refused before the framework sees them.
     */
    static PluginJar read(Snapshot snapshot) {
        String sha256 = snapshot.sha256();
        try (JarFile jar = new JarFile(snapshot.path().toFile(), false)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return broken(sha256, "it has no META-INF/MANIFEST.MF, so it is not an OSGi bundle");
            }
            Attributes main = manifest.getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null || name.split(";", 2)[0].isBlank()) {
                return broken(sha256, "its manifest has no Bundle-SymbolicName, so it is not an OSGi bundle");
            }
            PluginVersion version = PluginVersion.parse(main.getValue("Bundle-Version"));
            String damaged = firstDamagedEntry(jar);
            if (damaged != null) {
                return broken(sha256, "it is damaged: entry " + damaged + " does not match its checksum");
            }
            return new PluginJar(sha256, name.split(";", 2)[0].strip(), version,
                    main.getValue("Fragment-Host") != null, null);
        } catch (IllegalArgumentException e) {
            return broken(sha256, e.getMessage());
        } catch (IOException | SecurityException e) {
            return broken(sha256, "it is not a readable jar file (" + e.getMessage() + ")");
        }
    }

    private static String firstDamagedEntry(JarFile jar) throws IOException {
        byte[] buffer = new byte[8192];
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            CRC32 crc = new CRC32();
            try (InputStream in = jar.getInputStream(entry)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                }
            }
            if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
                return entry.getName();
            }
        }
        return null;
    }

    boolean deployable() {
        return problem == null;
    }

    /** "name version", as messages name a bundle. */
    String bundle() {
        return symbolicName + " " + version;
    }
}
