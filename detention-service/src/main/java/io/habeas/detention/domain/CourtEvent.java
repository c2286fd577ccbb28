package io.habeas.detention.domain;

import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A step of the court proceedings behind a detention, naming the charges it concerns; a verdict
 * may set one sentence over all of them. It does not change the custody status.
 */
@Entity
@Table(name = "court_event")
public class CourtEvent extends DatedRecord {
    @Column(name = "detention_id", nullable = false)
    public UUID detentionId;

    /** The importing source's own id for this record, unique under its parent (V12); null when not imported with one. */
    @Column(name = "import_key")
    public String importKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public CourtEventType type;

    @Column(name = "court")
    public String court;

    @Column(name = "place")
    public String place;

    /** The charges of the same detention it concerns, in the order given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "charge_ids", nullable = false)
    public UUID[] chargeIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision")
    public CourtDecision decision;

    @Column(name = "sentence_years")
    public Integer sentenceYears;

    @Column(name = "sentence_months")
    public Integer sentenceMonths;

    @Column(name = "sentence_days")
    public Integer sentenceDays;

    @Column(name = "sentence_suspended")
    public Boolean sentenceSuspended;

    @Column(name = "closed_to_public", nullable = false)
    public boolean closedToPublic;

    @Column(name = "description")
    public String description;

    @Override
    public String resourceName() {
        return new CourtEventName(detentionId, id).toString();
    }


    public List<UUID> charges() {
        return Arrays.asList(chargeIds);
    }

    public boolean names(UUID chargeId) {
        return charges().contains(chargeId);
    }

    public String chargeName(UUID chargeId) {
        return new ChargeName(detentionId, chargeId).toString();
    }

    /** The one sentence set over the charges named, or null. */
    public SentenceTerm sentence() {
        return sentenceYears == null ? null
                : new SentenceTerm(sentenceYears, sentenceMonths, sentenceDays, Boolean.TRUE.equals(sentenceSuspended));
    }

    public void setSentence(SentenceTerm term) {
        sentenceYears = term == null ? null : term.years();
        sentenceMonths = term == null ? null : term.months();
        sentenceDays = term == null ? null : term.days();
        sentenceSuspended = term == null ? null : term.suspended();
    }
}
