package io.habeas.detention.domain;

import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.RetractableRecord;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One custody episode of a person, from arrest to release. */
@Entity
@Table(name = "detention")
public class Detention extends RetractableRecord {
    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The importing source's own id for this record, unique under its parent (V12); null when not imported with one. */
    @Column(name = "import_key")
    public String importKey;

    @Column(name = "detaining_country", nullable = false)
    public String detainingCountry;

    @Column(name = "authority")
    public String authority;

    @Column(name = "place")
    public String place;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "start_year"))
    @AttributeOverride(name = "month", column = @Column(name = "start_month"))
    @AttributeOverride(name = "day", column = @Column(name = "start_day"))
    public PartialDate startDate;

    @Column(name = "start_sort", nullable = false)
    public LocalDate startSort;

    @Enumerated(EnumType.STRING)
    @Column(name = "initial_status", nullable = false)
    public CustodyStatus initialStatus;

    @Override
    public String resourceName() {
        return DetentionName.of(id).toString();
    }

    public void setStart(PartialDate start) {
        startDate = start;
        startSort = start.sortKey();
    }
}
