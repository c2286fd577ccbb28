package io.habeas.support.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a collection of ids that feeds an IN list into parts one statement can bind: PostgreSQL's
 * protocol binds at most 65,535 parameters, and IN-list padding may double a list. A read whose ids
 * come from data (every release call about a thousand persons) would otherwise fail once the data grew.
 */
public final class InLists {
    /** Ids per statement: a statement with two padded lists of this many stays far under the protocol's limit. */
    public static final int MAX_IDS = 8_192;

    private InLists() {
    }

    private static <T> List<List<T>> parts(Collection<T> ids) {
        List<T> all = List.copyOf(ids);
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IDS) {
            parts.add(all.subList(from, Math.min(all.size(), from + MAX_IDS)));
        }
        return parts;
    }

    /** The rows of one read per part of the ids, in the parts' order. */
    public static <T, R> List<R> read(Collection<T> ids, Function<List<T>, List<R>> part) {
        List<R> rows = new ArrayList<>();
        for (List<T> ofPart : parts(ids)) {
            rows.addAll(part.apply(ofPart));
        }
        return rows;
    }
}
