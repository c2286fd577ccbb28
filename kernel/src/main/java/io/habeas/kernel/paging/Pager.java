package io.habeas.kernel.paging;

import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.List;
import java.util.function.Function;

/**
 * The one keyset pager: decodes the request's token for this query, reads one row beyond the
 * page (its presence means there is a next page), and encodes the key of the last row served.
 */
public final class Pager {
    private Pager() {
    }

    /** Reads the rows after a key (null on the first page), at most limit of them, in the list's order. */
    @FunctionalInterface
    public interface Rows<K, T> {
        List<T> after(K key, int limit);
    }

    public static <K, T> Page<T> page(PageRequest request, QueryFingerprint query, KeyFormat<K> keys,
            Function<T, K> keyOf, Rows<K, T> rows) {
        K after = after(request, query, keys);
        List<T> read = rows.after(after, request.size() + 1);
        if (read.size() <= request.size()) {
            return new Page<>(read, "");
        }
        List<T> items = read.subList(0, request.size());
        return new Page<>(items, token(request, query, keys, keyOf.apply(items.get(items.size() - 1))));
    }

    /** The token that continues after this key, for a list that decides itself where its pages end. */
    public static <K> String token(PageRequest request, QueryFingerprint query, KeyFormat<K> keys, K key) {
        return OpaqueToken.encode(request.bind(query), keys.write(key));
    }

    /** The key a request's token carries, or null on the first page. */
    public static <K> K after(PageRequest request, QueryFingerprint query, KeyFormat<K> keys) {
        List<String> fields = OpaqueToken.decode(request.token(), request.bind(query), "page_token");
        if (fields == null) {
            return null;
        }
        K key = keys.read(fields);
        if (key == null) {
            throw InvalidArgumentException.of("page_token", "is not a token this API issued");
        }
        return key;
    }
}
