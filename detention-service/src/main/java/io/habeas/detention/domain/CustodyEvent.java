package io.habeas.detention.domain;

import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.time.PartialDate;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A dated change in a detention's custody. */
@Entity
@Table(name = "custody_event")
public class CustodyEvent extends DatedRecord {
    @Column(name = "detention_id", nullable = false)
    public UUID detentionId;

    /** The importing source's own id for this record, unique under its parent (V12); null when not imported with one. */
    @Column(name = "import_key")
    public String importKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public CustodyEventType type;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "until_year"))
    @AttributeOverride(name = "month", column = @Column(name = "until_month"))
    @AttributeOverride(name = "day", column = @Column(name = "until_day"))
    public PartialDate untilDate;

    @Column(name = "place")
    public String place;

    @Column(name = "description")
    public String description;

    @Override
    public String resourceName() {
        return new CustodyEventName(detentionId, id).toString();
    }
}
