package io.habeas.kernel.paging;

import io.habeas.kernel.time.PartialDate;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The keyset keys Habeas lists page by, each with its token format. */
public final class Keys {
    /** Recording order: UUIDv7 ids sort in the order records were made. */
    public static final KeyFormat<UUID> ID = new KeyFormat<>(1, id -> List.of(id.toString()),
            fields -> UUID.fromString(fields.get(0)));

    public static final KeyFormat<Timeline> TIMELINE = new KeyFormat<>(3,
            k -> List.of(k.sort().toString(), Short.toString(k.rank()), k.id().toString()),
            f -> new Timeline(LocalDate.parse(f.get(0)), Short.parseShort(f.get(1)), UUID.fromString(f.get(2))));

    public static final KeyFormat<Dated> DATED = new KeyFormat<>(2,
            k -> List.of(k.date().toString(), k.id().toString()),
            f -> new Dated(LocalDate.parse(f.get(0)), UUID.fromString(f.get(1))));

    public static final KeyFormat<Scored> SCORED = new KeyFormat<>(2,
            k -> List.of(Integer.toString(Float.floatToIntBits(k.score())), k.id().toString()),
            f -> new Scored(Float.intBitsToFloat(Integer.parseInt(f.get(0))), UUID.fromString(f.get(1))));

    private Keys() {
    }

    /** Timeline order ({@link PartialDate#TIMELINE_ORDER}), then recording order. */
    public record Timeline(LocalDate sort, short rank, UUID id) {
        public static Timeline of(PartialDate date, UUID id) {
            return new Timeline(date.sortKey(), date.precisionRank(), id);
        }
    }

    /** A plain date, then the id. */
    public record Dated(LocalDate date, UUID id) {
    }

    /** A search score, then the id. */
    public record Scored(float score, UUID id) {
    }
}
