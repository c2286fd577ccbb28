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
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One custody episode of a person, from arrest to release. */
@Entity
@Table(name = "detention")
public class Detention extends RetractableRecord {
    @Column(name = "person_id", nullable = false)
    public UUID personId;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "current_status", nullable = false)
    public CustodyStatus currentStatus;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "end_year"))
    @AttributeOverride(name = "month", column = @Column(name = "end_month"))
    @AttributeOverride(name = "day", column = @Column(name = "end_day"))
    public PartialDate endDate;

    @Override
    public String resourceName() {
        return DetentionName.of(id).toString();
    }

    public void setStart(PartialDate start) {
        startDate = start;
        startSort = start.sortKey();
    }

    public boolean isOngoing() {
        return endDate == null;
    }

    /** Days certainly spent in custody: from the last day the start can be to the first day the end can be. */
    public long daysInCustody(LocalDate today) {
        LocalDate from = startDate.latest();
        LocalDate to = endDate == null ? today : endDate.earliest();
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }
}
