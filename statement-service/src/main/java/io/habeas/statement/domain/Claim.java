package io.habeas.statement.domain;

import io.habeas.kernel.names.ClaimName;
import io.habeas.support.records.RecordState;
import io.habeas.support.records.UuidV7;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One position taken in a statement, about persons and/or countries. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {
    @Id
    public UUID id = UuidV7.next();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "statement_id", nullable = false)
    public Statement statement;

    /** Where the claim stands in its statement, from 0. */
    @Column(name = "position", nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public ClaimKind kind;

    @Column(name = "text", nullable = false)
    public String text;

    /** Persons in detention-service the claim is about. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subject_persons", nullable = false)
    public UUID[] subjectPersons;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subject_countries", nullable = false)
    public String[] subjectCountries;

    @Column(name = "addressee_country")
    public String addresseeCountry;

    /** The earlier claim this one answers. */
    @Column(name = "answers_claim_id")
    public UUID answersClaimId;

    /** The statement of the answered claim, so that its name needs no read (a claim never changes statement). */
    @Column(name = "answers_statement_id")
    public UUID answersStatementId;

    /**
     * RETRACTED once a correction dropped it from its statement: never deleted, it keeps its id,
     * leaves every feed and summary, and comes back when sent again with its name.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    public RecordState state = RecordState.ACTIVE;

    /** The statement is referenced by id so that naming a claim needs no statement load. */
    @Column(name = "statement_id", insertable = false, updatable = false)
    public UUID statementId;

    public boolean isActive() {
        return state == RecordState.ACTIVE;
    }

    public String resourceName() {
        return name(statementId != null ? statementId : statement.id, id);
    }

    public static String name(UUID statementId, UUID claimId) {
        return new ClaimName(statementId, claimId).toString();
    }
}
