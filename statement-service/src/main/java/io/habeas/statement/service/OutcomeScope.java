package io.habeas.statement.service;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.statement.repository.ReleaseCallRepository.CallScope;
import io.habeas.support.validation.Countries;
import java.util.UUID;
import java.util.stream.Stream;

/** Which calls a release-outcome list or statistics is about: exactly one of a detaining country, a caller, a caller's country. */
public record OutcomeScope(String detainingCountry, UUID caller, String callerCountry) {

    /** From a request's scope (present or not): INVALID_ARGUMENT naming scope, or the field at fault. */
    public static OutcomeScope of(boolean present, String detainingCountry, String caller, String callerCountry) {
        long set = Stream.of(detainingCountry, caller, callerCountry).filter(v -> v != null && !v.isEmpty()).count();
        if (!present || set != 1) {
            throw InvalidArgumentException.of("scope", "must set exactly one of detaining_country, caller, caller_country");
        }
        Countries.checkFilter(detainingCountry, "scope.detaining_country");
        Countries.checkFilter(callerCountry, "scope.caller_country");
        UUID actor = caller == null || caller.isEmpty() ? null : ActorName.parse(caller, "scope.caller").id();
        return new OutcomeScope(emptyToNull(detainingCountry), actor, emptyToNull(callerCountry));
    }

    /** Whose calls count: in a detaining country's scope, everyone's. */
    CallScope calls() {
        return new CallScope(caller, callerCountry);
    }

    /** Whether the outcome is in the scope: in a caller scope its calls already are. */
    boolean keeps(ReleaseOutcome outcome) {
        return detainingCountry == null || detainingCountry.equals(outcome.detention().detainingCountry());
    }

    /** What a page token is bound to, besides the as_of and the caller. */
    QueryFingerprint fingerprint() {
        return QueryFingerprint.of("releaseOutcomes", detainingCountry, caller, callerCountry);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
