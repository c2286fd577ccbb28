package io.habeas.kernel.paging;

import io.habeas.kernel.errors.InvalidArgumentException;

/** A page size as asked for, checked and capped, and the token to continue from. */
public record PageRequest(int size, String token) {

    public static PageRequest of(int requested, String token, int defaultSize, int maxSize) {
        if (requested < 0) {
            throw InvalidArgumentException.of("page_size", "must not be negative");
        }
        int size = requested == 0 ? defaultSize : Math.min(requested, maxSize);
        return new PageRequest(size, token);
    }
}
