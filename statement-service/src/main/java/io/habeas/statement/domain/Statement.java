package io.habeas.statement.domain;

import io.habeas.kernel.names.StatementName;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.RetractableRecord;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Something an actor said on a date, through a medium, with the claims it holds. */
@Entity
@Table(name = "statement")
public class Statement extends RetractableRecord {
    @Column(name = "actor_id", nullable = false)
    public UUID actorId;

    /** The office the actor held when speaking. */
    @Column(name = "actor_office")
    public String actorOffice;

    /** The actor's country when the statement was recorded. */
    @Column(name = "actor_country")
    public String actorCountry;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "made_year"))
    @AttributeOverride(name = "month", column = @Column(name = "made_month"))
    @AttributeOverride(name = "day", column = @Column(name = "made_day"))
    public PartialDate madeOn;

    @Column(name = "made_sort", nullable = false)
    public LocalDate madeSort;

    @Column(name = "made_start", nullable = false)
    public LocalDate madeStart;

    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;

    @Enumerated(EnumType.STRING)
    @Column(name = "medium", nullable = false)
    public StatementMedium medium;

    @Column(name = "title", nullable = false)
    public String title;

    @Column(name = "summary")
    public String summary;

    @Column(name = "quoted_text")
    public String quotedText;

    /** The importing source's own id for it, unique among all statements (V8); null for one not imported with a key. */
    @Column(name = "import_key")
    public String importKey;

    /** Every claim it ever held: those it makes now and those corrections dropped (retracted, never deleted). */
    @OneToMany(mappedBy = "statement", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<Claim> claims = new ArrayList<>();

    /** The claims it makes now, in their order. */
    public List<Claim> activeClaims() {
        return claims.stream().filter(Claim::isActive).sorted(Comparator.comparingInt(c -> c.position)).toList();
    }

    /** The claims corrections dropped, where they last stood. */
    public List<Claim> retractedClaims() {
        return claims.stream().filter(c -> !c.isActive())
                .sorted(Comparator.<Claim>comparingInt(c -> c.position).thenComparing(c -> c.id)).toList();
    }

    @Override
    public String resourceName() {
        return StatementName.of(id).toString();
    }

    public void setMadeOn(PartialDate date) {
        madeOn = date;
        madeSort = date.sortKey();
        madeStart = date.earliest();
        precisionRank = date.precisionRank();
    }
}
