package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of {@code plugins/} a scan looks at: jars, and configuration files, which do not belong there. Names
 * starting with a dot are left alone: that is how a copy in progress is hidden until it is renamed into place.
 * Anything else (a README, a folder) is no concern of the container's.
 */
record FolderListing(List<Path> jars, List<Path> configs) {

    static FolderListing of(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || !Files.isRegularFile(entry)) {
                    continue;
                }
                if (name.endsWith(".jar")) {
                    jars.add(entry);
                } else if (name.endsWith(".cfg") || name.endsWith(".config")) {
                    configs.add(entry);
                }
            }
        }
        jars.sort(null);
        configs.sort(null);
        return new FolderListing(jars, configs);
    }
}
