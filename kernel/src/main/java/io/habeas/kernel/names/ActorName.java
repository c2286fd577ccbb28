package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** An official, body or government that speaks, actors/{id}. */
public record ActorName(UUID id) {
    public static final String FORM = "actors/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "actors/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public ActorName {
        Objects.requireNonNull(id);
    }

    public static ActorName of(UUID id) {
        return new ActorName(id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static ActorName parse(String name, String field) {
        return new ActorName(FORMAT.parse(name, field)[0]);
    }

    @Override
    public String toString() {
        return FORMAT.format(id);
    }
}
