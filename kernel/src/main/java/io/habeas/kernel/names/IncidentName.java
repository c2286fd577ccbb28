package io.habeas.kernel.names;

import java.util.Objects;
import java.util.UUID;

/** Something done to a person outside any detention (a travel ban, a summons), persons/{id}/incidents/{id}. */
public record IncidentName(UUID personId, UUID id) {
    public static final String FORM = "persons/{id}/incidents/{id}";
    /** For declared constraints on names in requests. */
    public static final String REGEX = "persons/" + NameFormat.UUID_REGEX + "/incidents/" + NameFormat.UUID_REGEX;
    private static final NameFormat FORMAT = new NameFormat(FORM);

    public IncidentName {
        Objects.requireNonNull(personId);
        Objects.requireNonNull(id);
    }

    public static IncidentName of(PersonName parent, UUID id) {
        return new IncidentName(parent.id(), id);
    }

    /** INVALID_ARGUMENT naming the field when the text is not of the form {@link #FORM}. */
    public static IncidentName parse(String name, String field) {
        UUID[] ids = FORMAT.parse(name, field);
        return new IncidentName(ids[0], ids[1]);
    }

    public PersonName parent() {
        return PersonName.of(personId);
    }

    @Override
    public String toString() {
        return FORMAT.format(personId, id);
    }
}
