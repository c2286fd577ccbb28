package io.habeas.statement.service;

import io.habeas.statement.repository.ClaimChangeRepository.ClaimChange;
import io.habeas.statement.repository.ClaimChangeRepository.Feed;
import java.util.Set;

/**
 * What one watch follows: its RPC, and the keys of the log's feed it reads (the persons' ids, or one
 * country). Equal for equal watches, as a resume token's binding needs.
 */
public record ClaimFeed(Rpc rpc, Set<String> keys) {
    /** The watch RPCs, each with the log feed it reads. */
    public enum Rpc {
        PERSON(Feed.PERSON_CLAIMS), PERSONS(Feed.PERSON_CLAIMS), COUNTRY_CLAIMS(Feed.COUNTRY_CLAIMS),
        COUNTRY_STATEMENTS(Feed.COUNTRY_STATEMENTS);

        final Feed feed;

        Rpc(Feed feed) {
            this.feed = feed;
        }
    }

    public ClaimFeed {
        keys = Set.copyOf(keys);
    }

    boolean concerns(ClaimChange change) {
        return change.feed() == rpc.feed && keys.contains(change.key());
    }
}
