package io.habeas.support.paging;

import java.util.List;
import java.util.function.Function;

public final class Pages {
    private Pages() {
    }

    /** Rows were read with one extra beyond the page size: its presence means there is a next page. */
    public static <T> Page<T> of(List<T> rows, int size, Function<T, String> tokenAfter) {
        if (rows.size() <= size) {
            return new Page<>(rows, "");
        }
        List<T> items = rows.subList(0, size);
        return new Page<>(items, tokenAfter.apply(items.get(size - 1)));
    }
}
