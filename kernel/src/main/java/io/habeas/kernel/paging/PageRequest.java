package io.habeas.kernel.paging;

import io.habeas.kernel.errors.InvalidArgumentException;

/**
 * A page size as asked for, checked and capped, the token to continue from, and the reader the
 * token is bound to: a token issued to one caller, or at one clearance, is refused for another,
 * since its key may sit between records only the first one sees.
 */
public record PageRequest(int size, String token, String reader) {

    public static PageRequest of(int requested, String token, int defaultSize, int maxSize) {
        if (requested < 0) {
            throw InvalidArgumentException.of("page_size", "must not be negative");
        }
        int size = requested == 0 ? defaultSize : Math.min(requested, maxSize);
        return new PageRequest(size, token, "");
    }

    /** The same request, for the reader named (subject and clearance, as the service knows them). */
    public PageRequest forReader(String readerBinding) {
        return new PageRequest(size, token, readerBinding);
    }

    /** The query as this reader's tokens are bound to it. */
    QueryFingerprint bind(QueryFingerprint query) {
        return reader.isEmpty() ? query : QueryFingerprint.of(query.value(), reader);
    }
}
