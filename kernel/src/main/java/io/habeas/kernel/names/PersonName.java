package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** A detained person, persons/{id}: the subject of detentions and claims. */
public record PersonName(UUID id) {
    public static final String FORM = "persons/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "persons/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public PersonName {
        Objects.requireNonNull(id);
    }

    public static PersonName of(UUID id) {
        return new PersonName(id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static PersonName parse(String name, String field) {
        return new PersonName(FORMAT.parse(name, field)[0]);
    }

    @Override
    public String toString() {
        return FORMAT.format(id);
    }
}
