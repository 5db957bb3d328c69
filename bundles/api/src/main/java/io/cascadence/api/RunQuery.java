package io.cascadence.api;

import java.time.Instant;
import java.util.Set;

/**
 * Which runs to list, newest first (by the time they were submitted). Every criterion is optional; nested runs (a
 * plan's children, a dag prerequisite's runs) are listed only when {@code nested} asks for them (they are otherwise
 * in their parent's record, {@link RunHistory#children}).
 *
 * @param taskName only runs of this task, or {@code null} for all
 * @param statuses only runs in one of these statuses ({@link RunRecord#STATUSES}); empty for all
 * @param trigger only runs asked for by this trigger ({@link Trigger#name()}), or {@code null} for all
 * @param since only runs submitted at or after this instant, or {@code null}
 * @param until only runs submitted before this instant, or {@code null}
 * @param offset how many of the newest matching runs to skip, 0 or more
 * @param limit at most how many to return, 1 to {@link #MAX_LIMIT}
 * @param userHash only runs for this user, by its hash (lowercase hex SHA-256, as {@link RunRecord#userHash()}), or
 *        {@code null} for every user's
 * @param nested whether runs that another run started are listed too (with their {@link RunRecord#parentRunId()}),
 *        not only top-level runs; since 1.2.0
 */
public record RunQuery(String taskName, Set<String> statuses, String trigger, Instant since, Instant until,
        int offset, int limit, String userHash, boolean nested) {

    /** The most runs one query returns. */
    public static final int MAX_LIMIT = 1000;

    /** @throws InvalidRequestException naming the criterion that is out of range or unknown */
    public RunQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        for (String status : statuses) {
            if (!RunRecord.STATUSES.contains(status)) {
                throw new InvalidRequestException("status '" + status + "' is not a run status; expected one of "
                        + String.join(", ", RunRecord.STATUSES));
            }
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset must be 0 or more, not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidRequestException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** A query of every user's top-level runs. */
    public RunQuery(String taskName, Set<String> statuses, String trigger, Instant since, Instant until, int offset,
            int limit) {
        this(taskName, statuses, trigger, since, until, offset, limit, null, false);
    }

    /** A query of top-level runs, of one user's ({@code userHash}) or of every user's ({@code null}). */
    public RunQuery(String taskName, Set<String> statuses, String trigger, Instant since, Instant until, int offset,
            int limit, String userHash) {
        this(taskName, statuses, trigger, since, until, offset, limit, userHash, false);
    }

    /** The same query, of one user's runs only. */
    public RunQuery forUser(String hash) {
        return new RunQuery(taskName, statuses, trigger, since, until, offset, limit, hash, nested);
    }

    /**
     * The same query, with nested runs too or not.
     *
     * @since 1.2.0
     */
    public RunQuery withNested(boolean withNested) {
        return new RunQuery(taskName, statuses, trigger, since, until, offset, limit, userHash, withNested);
    }

    /** The newest {@code limit} runs of one task after skipping {@code offset}. */
    public static RunQuery forTask(String taskName, int offset, int limit) {
        return new RunQuery(taskName, Set.of(), null, null, null, offset, limit);
    }
}
