package io.cascadence.core.impl.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses, among the jars of {@code plugins/} that hold one bundle (one Bundle-SymbolicName), the one that runs:
 * the highest Bundle-Version; between equal versions the one already running, so that dropping a second copy never
 * swaps the running code; then the first file name. The others are the losers, reported as copies.
 */
final class Election {

    /**
     * A jar that could run.
     *
     * @param jar what it holds, or for a file that changed since, what was installed from it
     * @param running whether a bundle of this symbolic name runs from this file now
     */
    record Candidate(WatchedFile file, String location, PluginJar jar, boolean running) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing((Candidate c) -> c.jar().version(), Comparator.reverseOrder())
            .thenComparing(Candidate::running, Comparator.reverseOrder())
            .thenComparing(c -> c.file().name());

    private final Map<String, Candidate> winners = new LinkedHashMap<>();
    private final Map<Candidate, Candidate> losers = new LinkedHashMap<>();

    private Election(Collection<Candidate> candidates) {
        Map<String, List<Candidate>> bySymbolicName = new TreeMap<>();
        for (Candidate candidate : candidates) {
            bySymbolicName.computeIfAbsent(candidate.jar().symbolicName(), n -> new ArrayList<>()).add(candidate);
        }
        for (List<Candidate> copies : bySymbolicName.values()) {
            copies.sort(BEST_FIRST);
            Candidate winner = copies.get(0);
            winners.put(winner.location(), winner);
            copies.subList(1, copies.size()).forEach(loser -> losers.put(loser, winner));
        }
    }

    static Election of(Collection<Candidate> candidates) {
        return new Election(candidates);
    }

    /** One per symbolic name. */
    Collection<Candidate> winners() {
        return winners.values();
    }

    /** Each loser with the winner it lost to. */
    Map<Candidate, Candidate> losers() {
        return losers;
    }

    boolean elected(String location) {
        return winners.containsKey(location);
    }
}
