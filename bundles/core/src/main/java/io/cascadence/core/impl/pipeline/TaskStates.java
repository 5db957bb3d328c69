package io.cascadence.core.impl.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tasks are paused or disabled, by name. A name keeps its state while its plugin is replaced, and, through
 * the change listener, across restarts.
 */
public final class TaskStates {

    private final Map<String, Boolean> paused = new ConcurrentHashMap<>();
    private final Map<String, Boolean> disabled = new ConcurrentHashMap<>();
    private volatile Runnable onChange = () -> { };

    /** Told after every change, to keep the states on disk. */
    public void onChange(Runnable listener) {
        onChange = listener;
    }

    /** The names of the paused tasks, sorted. */
    public List<String> pausedNames() {
        return paused.keySet().stream().sorted().toList();
    }

    /** The names of the disabled tasks, sorted. */
    public List<String> disabledNames() {
        return disabled.keySet().stream().sorted().toList();
    }

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

    private boolean set(Map<String, Boolean> flags, String name, boolean value) {
        Boolean previous = value ? flags.put(name, true) : flags.remove(name);
        boolean changed = value != (previous != null);
        if (changed) {
            onChange.run();
        }
        return changed;
    }
}
