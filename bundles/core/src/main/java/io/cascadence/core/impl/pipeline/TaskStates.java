package io.cascadence.core.impl.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tasks are paused or disabled, by name. A name keeps its state while its plugin is replaced, and, through
 * the change listener, across restarts. A change is made only if the listener accepts it: when the listener throws
 * (the states cannot be written), the change is undone and the exception reaches the caller, so that no caller is
 * told of a change a restart would lose.
 */
public final class TaskStates {

    private final Map<String, Boolean> paused = new ConcurrentHashMap<>();
    private final Map<String, Boolean> disabled = new ConcurrentHashMap<>();
    private volatile Runnable onChange = () -> { };

    /**
     * Told after every change, with the change in place, to keep the states on disk; what it throws undoes the
     * change and is thrown to the caller of {@link #setPaused} or {@link #setDisabled}.
     */
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

    /**
     * @return whether the state changed
     * @throws RuntimeException what the change listener threw; the state is then as it was
     */
    public boolean setPaused(String name, boolean value) {
        return set(paused, name, value);
    }

    /**
     * @return whether the state changed
     * @throws RuntimeException what the change listener threw; the state is then as it was
     */
    public boolean setDisabled(String name, boolean value) {
        return set(disabled, name, value);
    }

    // One change at a time: a change written together with another that is then undone would leave the file
    // saying what memory does not.
    private synchronized boolean set(Map<String, Boolean> flags, String name, boolean value) {
        Boolean previous = value ? flags.put(name, true) : flags.remove(name);
        boolean changed = value != (previous != null);
        if (changed) {
            try {
                onChange.run();
            } catch (RuntimeException e) {
                if (value) {
                    flags.remove(name);
                } else {
                    flags.put(name, true);
                }
                throw e;
            }
        }
        return changed;
    }
}
