package io.habeas.kernel.names;

import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.UUID;

/**
 * The shape of a resource name, such as "detentions/{id}/charges/{id}": collection names
 * alternating with UUIDs. The typed names are built on it; nothing else spells a collection.
 */
final class NameFormat {
    /** A UUID in any case, for declared {@code @Pattern} constraints. */
    static final String UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final String[] collections;
    private final String form;

    NameFormat(String form) {
        this.form = form;
        String[] parts = form.split("/");
        collections = new String[parts.length / 2];
        for (int i = 0; i < collections.length; i++) {
            collections[i] = parts[2 * i];
        }
    }

    /** The ids a name of this shape carries, in order; INVALID_ARGUMENT naming the field otherwise. */
    UUID[] parse(String name, String field) {
        String[] parts = name == null ? new String[0] : name.split("/", -1);
        if (parts.length != collections.length * 2) {
            throw malformed(field);
        }
        UUID[] ids = new UUID[collections.length];
        for (int i = 0; i < collections.length; i++) {
            if (!parts[2 * i].equals(collections[i])) {
                throw malformed(field);
            }
            ids[i] = uuid(parts[2 * i + 1], field);
        }
        return ids;
    }

    String format(UUID... ids) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < collections.length; i++) {
            name.append(i == 0 ? "" : "/").append(collections[i]).append('/').append(ids[i]);
        }
        return name.toString();
    }

    private InvalidArgumentException malformed(String field) {
        return InvalidArgumentException.of(field, "must be a resource name of the form " + form);
    }

    private static UUID uuid(String text, String field) {
        return Ids.parse(text).orElseThrow(() -> InvalidArgumentException.of(field, "has an id that is not a UUID: " + text));
    }
}
