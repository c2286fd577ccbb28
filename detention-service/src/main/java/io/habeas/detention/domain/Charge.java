package io.habeas.detention.domain;

import io.habeas.kernel.legal.ArticleStructure;
import io.habeas.kernel.legal.StructureSource;
import io.habeas.kernel.legal.StructuredArticle;
import io.habeas.kernel.names.ChargeName;
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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A criminal charge under a jurisdiction's legal code, with its status history. */
@Entity
@Table(name = "charge")
public class Charge extends RetractableRecord {
    @Column(name = "detention_id", nullable = false)
    public UUID detentionId;

    /** The importing source's own id for this record, unique under its parent (V12); null when not imported with one. */
    @Column(name = "import_key")
    public String importKey;

    @Column(name = "jurisdiction", nullable = false)
    public String jurisdiction;

    @Column(name = "legal_code", nullable = false)
    public String legalCode;

    @Column(name = "article_reference", nullable = false)
    public String articleReference;

    @Column(name = "article", nullable = false)
    public String article;

    @Column(name = "article_part")
    public String articlePart;

    @Column(name = "article_clause")
    public String articleClause;

    @Column(name = "article_subclause")
    public String articleSubclause;

    /** Whether Habeas read the structure from the reference or the client sent it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "article_structure_source", nullable = false)
    public StructureSource articleStructureSource;

    @Column(name = "offence_description")
    public String offenceDescription;

    @Embedded
    @AttributeOverride(name = "year", column = @Column(name = "filed_year"))
    @AttributeOverride(name = "month", column = @Column(name = "filed_month"))
    @AttributeOverride(name = "day", column = @Column(name = "filed_day"))
    public PartialDate filedOn;

    @Column(name = "filed_sort", nullable = false)
    public LocalDate filedSort;

    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ChargeStatus status;

    /** Oldest first; the first entry is the filing itself. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "status_history", nullable = false)
    public List<ChargeStatusChange> statusHistory;

    @Override
    public String resourceName() {
        return new ChargeName(detentionId, id).toString();
    }

    /** The reference as written, without surrounding spaces, and its structure. */
    public void setReference(String reference, StructuredArticle structured) {
        articleReference = reference.strip();
        article = structured.structure().article();
        articlePart = structured.structure().part();
        articleClause = structured.structure().clause();
        articleSubclause = structured.structure().subclause();
        articleStructureSource = structured.source();
    }

    /** The reference's structure as stored. */
    public StructuredArticle structuredArticle() {
        return new StructuredArticle(new ArticleStructure(article, articlePart, articleClause, articleSubclause),
                articleStructureSource);
    }

    public void setFiledOn(PartialDate date) {
        filedOn = date;
        filedSort = date.sortKey();
        precisionRank = date.precisionRank();
    }
}
