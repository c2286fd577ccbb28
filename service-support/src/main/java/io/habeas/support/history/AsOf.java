package io.habeas.support.history;

import com.google.protobuf.Timestamp;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.QueryFingerprint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When a read looks at the records: now ({@link #NOW}), or as the database knew them at a past
 * instant (a request's {@code as_of}). Kept to the microsecond, as PostgreSQL keeps times.
 */
public record AsOf(Instant instant) {
    public static final AsOf NOW = new AsOf(null);
    public static final String FIELD = "as_of";
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range a google.protobuf.Timestamp may hold. */
    static final long MIN_SECONDS = -62_135_596_800L;
    static final long MAX_SECONDS = 253_402_300_799L;

    /** A request's as_of: unset is now; a Timestamp out of its range or after now is INVALID_ARGUMENT. */
    public static AsOf of(boolean set, Timestamp requested) {
        return of(set, requested, Clock.systemUTC());
    }

    static AsOf of(boolean set, Timestamp requested, Clock clock) {
        if (!set) {
            return NOW;
        }
        if (requested.getNanos() < 0 || requested.getNanos() > 999_999_999) {
            throw InvalidArgumentException.of(FIELD, "is not a valid timestamp: nanos must be from 0 to 999999999");
        }
        if (requested.getSeconds() < MIN_SECONDS || requested.getSeconds() > MAX_SECONDS) {
            throw InvalidArgumentException.of(FIELD, "is not a valid timestamp: it must fall in the years 1 to 9999");
        }
        Instant instant = Instant.ofEpochSecond(requested.getSeconds(), requested.getNanos()).truncatedTo(ChronoUnit.MICROS);
        if (instant.isAfter(clock.instant())) {
            throw InvalidArgumentException.of(FIELD, "must not be in the future: nothing is known after now");
        }
        return new AsOf(instant);
    }

    public boolean isNow() {
        return instant == null;
    }

    /** The day derived facts (days in custody) are counted to: the instant's day, in UTC. */
    public LocalDate today() {
        return LocalDate.ofInstant(isNow() ? Instant.now() : instant, ZoneOffset.UTC);
    }

    /** A page token of an as-of read is good for that instant only; the current read's tokens are as before. */
    public QueryFingerprint bind(QueryFingerprint query) {
        return isNow() ? query : QueryFingerprint.of(query.value(), FIELD, instant.toString());
    }

    OffsetDateTime time() {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** As a request field, for a read that asks another service as of the same instant. */
    public Timestamp toProto() {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
