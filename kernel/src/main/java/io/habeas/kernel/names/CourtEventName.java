package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** A step of the court proceedings behind a detention (a hearing, a verdict), detentions/{id}/courtEvents/{id}. */
public record CourtEventName(UUID detentionId, UUID id) {
    public static final String FORM = "detentions/{id}/courtEvents/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "detentions/" + NameFormat.UUID_REGEX + "/courtEvents/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public CourtEventName {
        Objects.requireNonNull(detentionId);
        Objects.requireNonNull(id);
    }

    public static CourtEventName of(DetentionName parent, UUID id) {
        return new CourtEventName(parent.id(), id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static CourtEventName parse(String name, String field) {
        UUID[] ids = FORMAT.parse(name, field);
        return new CourtEventName(ids[0], ids[1]);
    }

    public DetentionName parent() {
        return DetentionName.of(detentionId);
    }

    @Override
    public String toString() {
        return FORMAT.format(detentionId, id);
    }
}
