package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** One detention of a person, detentions/{id}. */
public record DetentionName(UUID id) {
    public static final String FORM = "detentions/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "detentions/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public DetentionName {
        Objects.requireNonNull(id);
    }

    public static DetentionName of(UUID id) {
        return new DetentionName(id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static DetentionName parse(String name, String field) {
        return new DetentionName(FORMAT.parse(name, field)[0]);
    }

    @Override
    public String toString() {
        return FORMAT.format(id);
    }
}
