package io.cascadence.api;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The folders plugin bundles are deployed from: the installation's {@code plugins/}, always, and any folder added
 * while the container runs ({@code task watch-plugins DIR}, {@code POST /plugins/folders?path=DIR}). Every folder
 * is deployed by the same rules as {@code plugins/} (a jar is deployed once it has stopped changing, replaced in
 * place, uninstalled when deleted, reported on {@code /health} when it cannot be deployed), and they share one
 * rule for copies: one copy of each bundle runs, whichever folders hold it.
 *
 * <p>Added folders are kept in memory only: a restart deploys {@code plugins/} alone again.
 */
@ProviderType
public interface PluginFolders {

    /**
     * The folders deployed now, absolute and normalised: {@code plugins/} first, then the added ones in the order
     * they were added.
     */
    List<Path> folders();

    /**
     * Deploys the plugins of {@code folder} too, until {@link #remove} or the container stops. The jars it holds
     * now are deployed before this returns; later changes are picked up within a second, as in {@code plugins/}.
     *
     * @param folder an absolute path to a readable directory
     * @return {@code true} when the folder is now watched, {@code false} when it already was (nothing changes)
     * @throws InvalidRequestException when the path is not absolute or not a readable directory; nothing changes
     * @throws CascadenceException when the container deploys no plugin folder at all (no {@code plugins/})
     */
    boolean add(Path folder);

    /**
     * Stops deploying {@code folder}: the bundles installed from it are uninstalled before this returns, as when
     * their jars leave {@code plugins/} (a copy of one in another watched folder takes over first).
     *
     * @param folder an absolute path, as given to {@link #add}
     * @return {@code true} when it was watched, {@code false} when it was not (nothing changes)
     * @throws InvalidRequestException for a relative path, or for {@code plugins/}, which is always deployed
     */
    boolean remove(Path folder);
}
