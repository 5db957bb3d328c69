package io.cascadence.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The IdeaStore ({@code ideas.yml}): ideas users send, the original's {@code ai-idea}. Each one is kept with the
 * user and group hashed (never as given) and published on the event bus as an
 * {@link io.cascadence.api.event.IdeaSeed}.
 */
@ProviderType
public interface IdeaStore {

    /** The longest idea kept, in characters (Unicode code points), after surrounding blanks are removed. */
    int MAX_TEXT_LENGTH = 4000;

    /**
     * Keeps an idea: it is written to {@code ideas.yml} before this returns, then published as an
     * {@link io.cascadence.api.event.IdeaSeed} with the hashed user and group.
     *
     * @param text the idea: not blank, at most {@link #MAX_TEXT_LENGTH} characters
     * @param caller who had it; either id may be absent
     * @return the idea as kept
     * @throws InvalidRequestException when the text is missing, blank or too long; nothing is kept then
     * @throws StoreUnavailableException when {@code ideas.yml} cannot be written (or could not be read at start);
     *         nothing is kept or published then
     */
    Idea add(String text, Identity caller);

    /**
     * The caller's ideas, oldest first: those with the caller's user hash (no user: those kept without one), and,
     * when the caller names a group, with that group's hash.
     */
    List<Idea> ideas(Identity caller);
}
