package io.habeas.detention.domain;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a detention stands for readers of one level: replayed from the custody events they may
 * see, so that nobody learns a status or an end from an event hidden from them.
 */
@Entity
@Table(name = "detention_outcome")
@IdClass(DetentionOutcome.Key.class)
public class DetentionOutcome extends PanacheEntityBase {
    public record Key(UUID detentionId, AccessLevel readerLevel) implements Serializable {
    }

    @Id
    @Column(name = "detention_id")
    public UUID detentionId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "reader_level")
    public AccessLevel readerLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_status", nullable = false)
    public CustodyStatus currentStatus;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "end_year"))
    @AttributeOverride(name = "month", column = @Column(name = "end_month"))
    @AttributeOverride(name = "day", column = @Column(name = "end_day"))
    public PartialDate endDate;

    public boolean isOngoing() {
        return endDate == null;
    }

    /** Days certainly spent in custody: from the last day the start can be to the first day the end can be. */
    public long daysInCustody(PartialDate start, LocalDate today) {
        LocalDate to = endDate == null ? today : endDate.earliest();
        return Math.max(0, ChronoUnit.DAYS.between(start.latest(), to));
    }
}
