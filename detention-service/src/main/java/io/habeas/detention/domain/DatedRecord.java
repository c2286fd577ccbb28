package io.habeas.detention.domain;

import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.RetractableRecord;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;

/**
 * A record dated by when it happened, as custody events, court events and incidents are: the date
 * as precisely as known, with the sort key and precision rank its lists and feeds order by.
 */
@MappedSuperclass
public abstract class DatedRecord extends RetractableRecord {
    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "occurred_year"))
    @AttributeOverride(name = "month", column = @Column(name = "occurred_month"))
    @AttributeOverride(name = "day", column = @Column(name = "occurred_day"))
    public PartialDate occurredOn;

    @Column(name = "occurred_sort", nullable = false)
    public LocalDate occurredSort;

    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;

    public void setOccurredOn(PartialDate date) {
        occurredOn = date;
        occurredSort = date.sortKey();
        precisionRank = date.precisionRank();
    }
}
