package io.habeas.support.watch;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.OpaqueToken;
import io.habeas.kernel.paging.QueryFingerprint;
import java.util.List;

/**
 * Resume tokens are sealed as page tokens are ({@link OpaqueToken}, the page-token key and
 * lifetime), bound to the watched feed and to the caller by the fingerprint they are made for.
 */
public final class ResumeTokens {
    public static final String FIELD = "resume_token";

    private ResumeTokens() {
    }

    public static String seal(QueryFingerprint watch, ChangePosition position) {
        return OpaqueToken.encode(watch, position.fields());
    }

    /** The position a token holds, or null for an empty token; INVALID_ARGUMENT on resume_token otherwise. */
    public static ChangePosition open(String token, QueryFingerprint watch) {
        List<String> fields = OpaqueToken.decode(token, watch, FIELD);
        if (fields == null) {
            return null;
        }
        try {
            return ChangePosition.of(fields);
        } catch (RuntimeException e) {
            throw InvalidArgumentException.of(FIELD, "is not a token this API issued");
        }
    }
}
