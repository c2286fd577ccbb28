package io.habeas.detention.service;

import io.habeas.detention.support.InvalidArgumentException;

final class Etags {
    private Etags() {
    }

    /** Every change names the version it was based on, so no update silently overwrites another. */
    static void require(String etag, String field) {
        if (etag == null || etag.isBlank()) {
            throw InvalidArgumentException.of(field, "is required: send the etag of the version you read");
        }
    }
}
