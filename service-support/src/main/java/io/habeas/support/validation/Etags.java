package io.habeas.support.validation;

import io.habeas.kernel.errors.InvalidArgumentException;


public final class Etags {
    private Etags() {
    }

    /** Every change names the version it was based on, so no update silently overwrites another. */
    public static void require(String etag, String field) {
        if (etag == null || etag.isBlank()) {
            throw InvalidArgumentException.of(field, "is required: send the etag of the version you read");
        }
    }
}
