package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** A claim made in a statement, statements/{id}/claims/{id}. */
public record ClaimName(UUID statementId, UUID id) {
    public static final String FORM = "statements/{id}/claims/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "statements/" + NameFormat.UUID_REGEX + "/claims/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public ClaimName {
        Objects.requireNonNull(statementId);
        Objects.requireNonNull(id);
    }

    public static ClaimName of(StatementName parent, UUID id) {
        return new ClaimName(parent.id(), id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static ClaimName parse(String name, String field) {
        UUID[] ids = FORMAT.parse(name, field);
        return new ClaimName(ids[0], ids[1]);
    }

    public StatementName parent() {
        return StatementName.of(statementId);
    }

    @Override
    public String toString() {
        return FORMAT.format(statementId, id);
    }
}
