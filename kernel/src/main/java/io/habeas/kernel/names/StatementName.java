package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** An official statement, statements/{id}. */
public record StatementName(UUID id) {
    public static final String FORM = "statements/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "statements/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public StatementName {
        Objects.requireNonNull(id);
    }

    public static StatementName of(UUID id) {
        return new StatementName(id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static StatementName parse(String name, String field) {
        return new StatementName(FORMAT.parse(name, field)[0]);
    }

    @Override
    public String toString() {
        return FORMAT.format(id);
    }
}
