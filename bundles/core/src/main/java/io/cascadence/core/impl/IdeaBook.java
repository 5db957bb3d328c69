package io.cascadence.core.impl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.cascadence.api.Identity;
import io.cascadence.api.Idea;
import io.cascadence.api.IdeaStore;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.event.IdeaSeed;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.store.DurableFile;
import io.cascadence.core.impl.store.IdeaFile;

/**
 * The ideas of {@code ideas.yml}, behind {@link IdeaStoreComponent}: an idea is written to the file before it is
 * acknowledged (a user told "idea sent" finds it after a crash), then published. Unlike the original, which kept a
 * seed only when a transport was configured, every idea is kept. Ideas are what users asked to keep, so there is no
 * retention limit, as for pointers.
 */
final class IdeaBook {

    private final IdentityHasher hasher;
    private final Consumer<IdeaSeed> publish;
    private final Clock clock;
    private final List<Idea> ideas = new ArrayList<>();
    private final DurableFile file;

    /**
     * Reads {@code file}; one that cannot be read is reported and never written over, and ideas are refused.
     *
     * @param publish where a kept idea goes next (the event bus)
     */
    IdeaBook(Path file, IdentityHasher hasher, Consumer<IdeaSeed> publish, Clock clock) {
        this.hasher = hasher;
        this.publish = publish;
        this.clock = clock;
        // The original's plain group ids are hashed on the way in; a hash stays as it is.
        this.file = DurableFile.open(file, IdeaFile::parse, stored -> stored.forEach(idea -> ideas.add(
                new Idea(idea.text(), idea.userHash(), hasher.hash(idea.groupHash())))));
    }

    /** @see IdeaStore#add */
    Idea add(String text, Identity caller) {
        Identity who = caller == null ? Identity.ANONYMOUS : caller;
        Idea idea = new Idea(checked(text), hasher.hash(who.userId()), hasher.hash(who.groupId()));
        synchronized (ideas) {
            List<Idea> next = new ArrayList<>(ideas);
            next.add(idea);
            file.write(IdeaFile.write(next));
            ideas.add(idea);
        }
        publish.accept(new IdeaSeed(idea.text(), idea.userHash(), idea.groupHash(), clock.instant()));
        return idea;
    }

    /** @see IdeaStore#ideas */
    List<Idea> ideas(Identity caller) {
        Identity who = caller == null ? Identity.ANONYMOUS : caller;
        String user = hasher.hash(who.userId());
        String group = hasher.hash(who.groupId());
        synchronized (ideas) {
            return ideas.stream()
                    .filter(idea -> user == null ? idea.userHash() == null : user.equals(idea.userHash()))
                    .filter(idea -> group == null || group.equals(idea.groupHash()))
                    .toList();
        }
    }

    /** What stands in the way of keeping ideas, for {@code /health}. */
    List<String> warnings() {
        return file.warnings();
    }

    /** The text without surrounding blanks; refuses a blank or too long one. */
    static String checked(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new InvalidRequestException("an idea needs a text; it was missing or blank");
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length > IdeaStore.MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("the idea is " + length + " characters long: at most "
                    + IdeaStore.MAX_TEXT_LENGTH + " are kept");
        }
        return stripped;
    }
}
