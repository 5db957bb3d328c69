package io.cascadence.core.impl.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which tasks are paused or disabled, by name. A name keeps its state while its plugin is replaced. */
public final class TaskStates {

    private final Map<String, Boolean> paused = new ConcurrentHashMap<>();
    private final Map<String, Boolean> disabled = new ConcurrentHashMap<>();

    public boolean paused(String name) {
        return paused.getOrDefault(name, false);
    }

    public boolean disabled(String name) {
        return disabled.getOrDefault(name, false);
    }

    /** @return whether the state changed */
    public boolean setPaused(String name, boolean value) {
        return set(paused, name, value);
    }

    /** @return whether the state changed */
    public boolean setDisabled(String name, boolean value) {
        return set(disabled, name, value);
    }

    private static boolean set(Map<String, Boolean> flags, String name, boolean value) {
        Boolean previous = value ? flags.put(name, true) : flags.remove(name);
        return value != (previous != null);
    }
}
