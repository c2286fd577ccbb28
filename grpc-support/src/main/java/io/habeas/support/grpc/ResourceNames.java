package io.habeas.support.grpc;

import io.habeas.support.errors.InvalidArgumentException;
import java.util.UUID;

/** Parses resource names such as "detentions/{id}/charges/{id}" into their ids. */
public final class ResourceNames {
    private ResourceNames() {
    }

    /** The ids named by a resource name made of the given collections, in order. */
    public static UUID[] parse(String name, String field, String... collections) {
        String pattern = pattern(collections);
        String[] parts = name == null ? new String[0] : name.split("/", -1);
        if (parts.length != collections.length * 2) {
            throw InvalidArgumentException.of(field, "must be a resource name of the form " + pattern);
        }
        UUID[] ids = new UUID[collections.length];
        for (int i = 0; i < collections.length; i++) {
            if (!parts[2 * i].equals(collections[i])) {
                throw InvalidArgumentException.of(field, "must be a resource name of the form " + pattern);
            }
            try {
                ids[i] = UUID.fromString(parts[2 * i + 1]);
            } catch (IllegalArgumentException e) {
                throw InvalidArgumentException.of(field, "has an id that is not a UUID: " + parts[2 * i + 1]);
            }
        }
        return ids;
    }

    public static UUID parseOne(String name, String field, String collection) {
        return parse(name, field, collection)[0];
    }

    private static String pattern(String... collections) {
        StringBuilder pattern = new StringBuilder();
        for (String collection : collections) {
            pattern.append(pattern.isEmpty() ? "" : "/").append(collection).append("/{id}");
        }
        return pattern.toString();
    }
}
