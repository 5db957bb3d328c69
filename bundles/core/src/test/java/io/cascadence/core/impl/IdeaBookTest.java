package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.Identity;
import io.cascadence.api.Idea;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.event.IdeaSeed;
import io.cascadence.core.impl.pipeline.IdentityHasher;

class IdeaBookTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final IdentityHasher HASHER = new IdentityHasher(() -> "");

    @TempDir
    Path dir;

    private final List<IdeaSeed> published = new ArrayList<>();

    private IdeaBook open(Path file) {
        return new IdeaBook(file, HASHER, published::add, CLOCK);
    }

    @Test
    void anIdeaIsInTheFileWithHashedIdsBeforeItIsPublished() throws IOException {
        Path file = dir.resolve("ideas.yml");
        IdeaBook book = open(file);

        Idea idea = book.add("  bake bread on Sundays ", new Identity("alice", "family"));

        String written = Files.readString(file);
        assertThat(written).contains("text: bake bread on Sundays", "user_hash: " + HASHER.hash("alice"),
                "group_hash: " + HASHER.hash("family")).doesNotContain("alice", "family");
        assertThat(idea).isEqualTo(new Idea("bake bread on Sundays", HASHER.hash("alice"), HASHER.hash("family")));
        assertThat(published).containsExactly(new IdeaSeed("bake bread on Sundays", HASHER.hash("alice"),
                HASHER.hash("family"), CLOCK.instant()));
    }

    @Test
    void ideasAreReadBackAndTheOriginalsPlainGroupIsHashed() throws IOException {
        Path file = dir.resolve("ideas.yml");
        Files.writeString(file, "- text: old idea\n  user_hash: " + HASHER.hash("bob") + "\n  group_id: team\n"
                + "- text: anonymous idea\n");
        IdeaBook book = open(file);
        book.add("new idea", new Identity("bob", null));

        assertThat(book.ideas(new Identity("bob", null))).extracting(Idea::text)
                .containsExactly("old idea", "new idea");
        assertThat(book.ideas(new Identity("bob", "team"))).containsExactly(
                new Idea("old idea", HASHER.hash("bob"), HASHER.hash("team")));
        assertThat(book.ideas(Identity.ANONYMOUS)).extracting(Idea::text).containsExactly("anonymous idea");
        assertThat(Files.readString(file)).doesNotContain("group_id", "team\n");
    }

    @Test
    void aBlankOrTooLongIdeaIsRefusedAndNothingIsWritten() {
        Path file = dir.resolve("ideas.yml");
        IdeaBook book = open(file);

        assertThatThrownBy(() -> book.add("  ", Identity.ANONYMOUS)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("needs a text");
        assertThatThrownBy(() -> book.add("x".repeat(4001), Identity.ANONYMOUS))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("4001 characters", "at most 4000");

        assertThat(file).doesNotExist();
        assertThat(published).isEmpty();
    }

    @Test
    void anUnreadableFileIsReportedNeverOverwrittenAndIdeasAreRefused() throws IOException {
        Path file = dir.resolve("ideas.yml");
        Files.writeString(file, "text: [not a list\n");
        IdeaBook book = open(file);

        assertThat(book.warnings()).singleElement().asString().contains(file.toString(), "could not be read");
        assertThatThrownBy(() -> book.add("an idea", Identity.ANONYMOUS))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("text: [not a list\n");
        assertThat(published).isEmpty();
    }
}
