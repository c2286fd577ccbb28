package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** A charge behind a detention, detentions/{id}/charges/{id}. */
public record ChargeName(UUID detentionId, UUID id) {
    public static final String FORM = "detentions/{id}/charges/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "detentions/" + NameFormat.UUID_REGEX + "/charges/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public ChargeName {
        Objects.requireNonNull(detentionId);
        Objects.requireNonNull(id);
    }

    public static ChargeName of(DetentionName parent, UUID id) {
        return new ChargeName(parent.id(), id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static ChargeName parse(String name, String field) {
        UUID[] ids = FORMAT.parse(name, field);
        return new ChargeName(ids[0], ids[1]);
    }

    public DetentionName parent() {
        return DetentionName.of(detentionId);
    }

    @Override
    public String toString() {
        return FORMAT.format(detentionId, id);
    }
}
