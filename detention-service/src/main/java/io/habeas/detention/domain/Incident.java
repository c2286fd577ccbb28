package io.habeas.detention.domain;

import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.time.PartialDate;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** Something done to a person outside any detention: it belongs to the person (migration V8). */
@Entity
@Table(name = "incident")
public class Incident extends DatedRecord {
    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The importing source's own id for this record, unique under its parent (V12); null when not imported with one. */
    @Column(name = "import_key")
    public String importKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public IncidentType type;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "until_year"))
    @AttributeOverride(name = "month", column = @Column(name = "until_month"))
    @AttributeOverride(name = "day", column = @Column(name = "until_day"))
    public PartialDate untilDate;

    /** ISO 3166-1 alpha-2 code of the state whose authorities acted: the incident is in its feed. */
    @Column(name = "country", nullable = false)
    public String country;

    @Column(name = "authority")
    public String authority;

    @Column(name = "place")
    public String place;

    @Column(name = "description")
    public String description;

    @Override
    public String resourceName() {
        return new IncidentName(personId, id).toString();
    }
}
