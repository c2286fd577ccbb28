package io.habeas.kernel.paging;

import java.util.List;
import java.util.function.Function;

/** One page of results and the token for the next, empty on the last page. */
public record Page<T>(List<T> items, String nextPageToken) {

    /** The same page with its items turned into others, one for one. */
    public <R> Page<R> map(Function<List<T>, List<R>> convert) {
        return new Page<>(convert.apply(items), nextPageToken);
    }
}
