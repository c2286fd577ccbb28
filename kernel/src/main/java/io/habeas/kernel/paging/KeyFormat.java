package io.habeas.kernel.paging;

import java.util.List;
import java.util.function.Function;

/** How a keyset key is written into a page token's fields and read back. */
public record KeyFormat<K>(int arity, Function<K, List<String>> writer, Function<List<String>, K> reader) {

    public List<String> write(K key) {
        return writer.apply(key);
    }

    /** The key the fields carry; null when they are not one (the pager answers INVALID_ARGUMENT). */
    public K read(List<String> fields) {
        if (fields.size() != arity) {
            return null;
        }
        try {
            return reader.apply(fields);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
