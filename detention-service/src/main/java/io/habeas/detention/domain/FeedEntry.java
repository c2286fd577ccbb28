package io.habeas.detention.domain;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.UuidV7;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated fact as the feeds show it, pointing at the record that holds it. Feeds read
 * these in (placed sort date, placed precision rank, stage, id) order, so a page is one index
 * range scan. The placement (stage and placed date) is the database's: migration V11's
 * habeas_place_in_lifecycle keeps it for a detention's start and custody events, and every
 * other entry stays at its own date, at stage 1.
 */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {
    /** A record with one dated fact, such as a custody event, uses this index. */
    public static final int NO_STATUS_CHANGE = -1;

    @Id
    public UUID id = UuidV7.next();

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public FeedItemKind kind;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    @Column(name = "status_change_index", nullable = false)
    public int statusChangeIndex = NO_STATUS_CHANGE;

    /** The detention the fact belongs to; null for an incident, which belongs to its person alone. */
    @Column(name = "detention_id")
    public UUID detentionId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "detaining_country", nullable = false)
    public String detainingCountry;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "date_year"))
    @AttributeOverride(name = "month", column = @Column(name = "date_month"))
    @AttributeOverride(name = "day", column = @Column(name = "date_day"))
    public PartialDate date;

    @Column(name = "sort_date", nullable = false)
    public LocalDate sortDate;

    /** The first day the date can be: a date range keeps the entries whose period overlaps it. */
    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;

    /** The most restrictive level of the record, its detention and its person: feeds filter by it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "access_level", nullable = false)
    public AccessLevel accessLevel;

    /** A detention's start (0), what happened during it (1), its final custody event (2): the order on one date. */
    @Column(name = "stage", insertable = false, updatable = false)
    public short stage;

    /** Where the entry is placed when that is not its own date; null otherwise. */
    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "placed_year", insertable = false, updatable = false))
    @AttributeOverride(name = "month", column = @Column(name = "placed_month", insertable = false, updatable = false))
    @AttributeOverride(name = "day", column = @Column(name = "placed_day", insertable = false, updatable = false))
    public PartialDate placedAt;

    /** The sort date of where the entry is placed (a generated column). */
    @Column(name = "placed_sort", insertable = false, updatable = false)
    public LocalDate placedSort;

    /** The precision rank of where the entry is placed (a generated column). */
    @Column(name = "placed_rank", insertable = false, updatable = false)
    public short placedRank;

    public void place(Detention detention, PartialDate when, AccessLevel effectiveLevel) {
        accessLevel = effectiveLevel;
        detentionId = detention.id;
        personId = detention.personId;
        detainingCountry = detention.detainingCountry;
        date = when;
        sortDate = when.sortKey();
        periodStart = when.earliest();
        precisionRank = when.precisionRank();
    }

    /** An incident: in its person's feed and in that of the country whose authorities acted. */
    public void place(Incident incident, AccessLevel effectiveLevel) {
        accessLevel = effectiveLevel;
        detentionId = null;
        personId = incident.personId;
        detainingCountry = incident.country;
        date = incident.occurredOn;
        sortDate = incident.occurredOn.sortKey();
        periodStart = incident.occurredOn.earliest();
        precisionRank = incident.occurredOn.precisionRank();
    }
}
