package io.cascadence.core.impl.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Which file in {@code config/} is in force for each configuration when several set the same one
 * ({@code io.cascadence.cfg} and {@code io.cascadence.config}). The first one stays in force: at start the first
 * in FileInstall's order, later the one already in force, so a file added beside it never replaces the live
 * configuration. When the file in force goes away, the next one takes over.
 */
final class CfgOwners {

    private final Map<String, Path> owners = new HashMap<>();

    /** The file in force for a configuration, or {@code null} when none has been seen. */
    synchronized Path owner(String name) {
        return owners.get(name);
    }

    /** Follows what the folder holds: owners that are gone give way to the first remaining file. */
    synchronized void update(CfgFolder folder) {
        owners.keySet().removeIf(name -> folder.files(name).isEmpty() && !Files.exists(owners.get(name)));
        for (String name : folder.names()) {
            Path owner = owners.get(name);
            if (owner == null || !folder.contains(owner)) {
                owners.put(name, folder.files(name).get(0));
            }
        }
    }

    /**
     * Whether {@code offered}, a file ConfigAdmin now holds the values of, may be in force: yes when no other
     * file of the same configuration is, or when that file is gone; then it becomes the owner.
     */
    synchronized boolean claim(String name, Path offered) {
        Path owner = owners.get(name);
        if (owner == null || owner.equals(offered) || !Files.exists(owner)) {
            owners.put(name, offered);
            return true;
        }
        return false;
    }
}
