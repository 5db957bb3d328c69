package io.cascadence.api;

/**
 * An idea a user asked Cascadence to keep ({@code task ai-idea TEXT}, {@code POST /ideas}), as kept in
 * {@code ideas.yml}: the text and who had it, hashed.
 *
 * @param text the idea, as given (surrounding blanks removed)
 * @param userHash the hashed user id, or {@code null} when nobody was named
 * @param groupHash the hashed group id, or {@code null}
 */
public record Idea(String text, String userHash, String groupHash) {
}
