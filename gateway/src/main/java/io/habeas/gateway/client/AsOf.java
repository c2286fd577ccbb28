package io.habeas.gateway.client;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The instant a read is "as of" (the asOf parameter), or now. Every backend request of a read made
 * as of an instant carries it as as_of; a read as of now sends none, so it stays the current read.
 */
public record AsOf(Instant instant) {

    public static final AsOf NOW = new AsOf(null);

    public boolean isNow() {
        return instant == null;
    }

    /** The builder with as_of set to this instant (untouched for now): {@code asOf.on(builder, Builder::setAsOf)}. */
    public <B> B on(B builder, BiFunction<B, Timestamp, B> setAsOf) {
        return instant == null ? builder
                : setAsOf.apply(builder, Timestamp.newBuilder().setSeconds(instant.getEpochSecond())
                        .setNanos(instant.getNano()).build());
    }

    /** What a cursor is bound to: the instant, or "now". */
    @Override
    public String toString() {
        return instant == null ? "now" : instant.toString();
    }
}
