package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** A step of a detention (arrest, extension, release), detentions/{id}/custodyEvents/{id}. */
public record CustodyEventName(UUID detentionId, UUID id) {
    public static final String FORM = "detentions/{id}/custodyEvents/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "detentions/" + NameFormat.UUID_REGEX + "/custodyEvents/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public CustodyEventName {
        Objects.requireNonNull(detentionId);
        Objects.requireNonNull(id);
    }

    public static CustodyEventName of(DetentionName parent, UUID id) {
        return new CustodyEventName(parent.id(), id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static CustodyEventName parse(String name, String field) {
        UUID[] ids = FORMAT.parse(name, field);
        return new CustodyEventName(ids[0], ids[1]);
    }

    public DetentionName parent() {
        return DetentionName.of(detentionId);
    }

    @Override
    public String toString() {
        return FORMAT.format(detentionId, id);
    }
}
