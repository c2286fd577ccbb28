package io.habeas.detention.mapping;

import static io.habeas.kernel.proto.CommonProtos.date;
import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.proto.CommonProtos.toDomain;
import static io.habeas.kernel.proto.CommonProtos.toNumber;
import static io.habeas.kernel.text.HumanText.normalized;

import com.google.protobuf.FieldMask;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.Source;
import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.ChargeStatus;
import io.habeas.detention.domain.ChargeStatusChange;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.CustodyEventType;
import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.detention.domain.SentenceTerm;
import io.habeas.detention.service.ChargeDraft;
import io.habeas.detention.service.CustodyEventDraft;
import io.habeas.detention.service.DetentionDraft;
import io.habeas.detention.service.DetentionView;
import io.habeas.detention.service.LinkedRecords;
import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.legal.ArticleStructure;
import io.habeas.kernel.legal.StructureSource;
import io.habeas.kernel.legal.StructuredArticle;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.grpc.SourceMapper;
import io.habeas.support.records.RetractableRecord;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.records.SourcedRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Proto <-> domain for detentions, custody events and charges; texts a client sends are taken in NFC. */
public final class DetentionMapper {
    public static final Set<String> DETENTION_UPDATABLE = Set.of("detaining_country", "authority", "place",
            "start_date", "initial_status", "access_level", "sources");
    public static final Set<String> EVENT_UPDATABLE = Set.of("type", "occurred_on", "until_date", "place",
            "description", "access_level", "sources");
    public static final Set<String> CHARGE_UPDATABLE = Set.of("jurisdiction", "legal_code", "article_reference",
            "article", "offence_description", "filed_on", "access_level", "sources");

    private DetentionMapper() {
    }

    public static DetentionDraft toDraft(io.habeas.detention.v1.Detention d) {
        return new DetentionDraft(d.getPerson(), d.getDetainingCountry(), normalized(emptyToNull(d.getAuthority())),
                normalized(emptyToNull(d.getPlace())), d.hasStartDate() ? date(d.getStartDate()) : null,
                toDomain(d.getInitialStatus(), CustodyStatus.class), CommonProtos.accessLevel(d.getAccessLevel()),
                SourceMapper.sources(d.getSourcesList()));
    }

    public static CustodyEventDraft toDraft(io.habeas.detention.v1.CustodyEvent e) {
        return new CustodyEventDraft(toDomain(e.getType(), CustodyEventType.class),
                e.hasOccurredOn() ? date(e.getOccurredOn()) : null, e.hasUntilDate() ? date(e.getUntilDate()) : null,
                normalized(emptyToNull(e.getPlace())), normalized(emptyToNull(e.getDescription())), CommonProtos.accessLevel(e.getAccessLevel()),
                SourceMapper.sources(e.getSourcesList()));
    }

    /** A new charge: its structure sent when the client sent one (structure_source is output only), else read. */
    public static ChargeDraft toDraft(io.habeas.detention.v1.Charge c) {
        return toDraft(c, c.hasArticle() ? StructuredArticle.sent(structure(c.getArticle())) : null);
    }

    /**
     * A correction, merged with the charge as recorded: the structure sent when update_mask names
     * article (read again if it is left empty), read again when jurisdiction or article_reference
     * change without it, and otherwise kept as recorded with its source.
     */
    public static ChargeDraft toCorrectionDraft(io.habeas.detention.v1.Charge merged, FieldMask mask) {
        List<String> paths = mask.getPathsList();
        if (paths.contains("article")) {
            return toDraft(merged);
        }
        if (paths.contains("jurisdiction") || paths.contains("article_reference")) {
            return toDraft(merged, null);
        }
        return toDraft(merged, recorded(merged.getArticle()));
    }

    /**
     * A revision's fields: a structure the client sent then is sent again, checked against the
     * reference by today's numbering; one Habeas read (or a revision from before structures had a
     * source) is read again, so a restore brings back no reading since corrected.
     */
    public static ChargeDraft toRestoredDraft(io.habeas.detention.v1.Charge snapshot) {
        boolean sent = snapshot.getArticle().getStructureSource() == ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_SENT;
        return toDraft(snapshot, sent ? StructuredArticle.sent(structure(snapshot.getArticle())) : null);
    }

    private static ChargeDraft toDraft(io.habeas.detention.v1.Charge c, StructuredArticle article) {
        return new ChargeDraft(c.getJurisdiction(), normalized(c.getLegalCode()), normalized(c.getArticleReference()),
                article, normalized(emptyToNull(c.getOffenceDescription())), c.hasFiledOn() ? date(c.getFiledOn()) : null,
                CommonProtos.accessLevel(c.getAccessLevel()), SourceMapper.sources(c.getSourcesList()));
    }

    private static ArticleStructure structure(ArticleReference a) {
        return new ArticleStructure(normalized(a.getArticle()), normalized(a.getPart()), normalized(a.getClause()),
                normalized(a.getSubclause()));
    }

    private static StructuredArticle recorded(ArticleReference a) {
        return new StructuredArticle(structure(a), a.getStructureSource() == ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_SENT
                ? StructureSource.SENT : StructureSource.PARSED);
    }

    public static ChargeStatusChange statusChange(io.habeas.detention.v1.ChargeStatusChange c) {
        return new ChargeStatusChange(CommonProtos.toDomain(c.getStatus(), ChargeStatus.class),
                c.hasEffectiveOn() ? date(c.getEffectiveOn()) : null,
                c.hasSentenceTerm() ? sentence(c.getSentenceTerm()) : null, normalized(emptyToNull(c.getNote())),
                SourceMapper.sources(c.getSourcesList()), emptyToNull(c.getCourtEvent()));
    }

    static SentenceTerm sentence(io.habeas.detention.v1.SentenceTerm t) {
        return new SentenceTerm(t.getYears(), t.getMonths(), t.getDays(), t.getSuspended());
    }

    static io.habeas.detention.v1.SentenceTerm sentence(SentenceTerm t) {
        return io.habeas.detention.v1.SentenceTerm.newBuilder().setYears(t.years()).setMonths(t.months())
                .setDays(t.days()).setSuspended(t.suspended()).build();
    }

    /** The detention as the reader sees it: where it stands for the reader, and the sources the reader may see. */
    public static io.habeas.detention.v1.Detention toProto(DetentionView view, Clearance reader, LocalDate today) {
        Detention d = view.detention();
        DetentionOutcome outcome = view.outcome();
        var proto = recorded(d, reader)
                .setCurrentStatus(status(outcome.currentStatus))
                .setOngoing(outcome.isOngoing())
                .setDaysInCustody((int) outcome.daysInCustody(d.startDate, today));
        if (outcome.endDate != null) {
            proto.setEndDate(date(outcome.endDate));
        }
        return proto.build();
    }

    /**
     * The detention's own fields, without where it stands (which derives from the custody events a
     * reader may see), with the sources the reader may see.
     */
    static io.habeas.detention.v1.Detention.Builder recorded(Detention d, Clearance reader) {
        var proto = io.habeas.detention.v1.Detention.newBuilder()
                .setName(d.resourceName())
                .setPerson(PersonName.of(d.personId).toString())
                .setDetainingCountry(d.detainingCountry)
                .setStartDate(date(d.startDate))
                .setInitialStatus(status(d.initialStatus))
                .setAccessLevel(CommonProtos.accessLevel(d.accessLevel))
                .addAllSources(sources(d, reader))
                .setState(state(d))
                .setCreateTime(CommonProtos.timestamp(d.createdAt))
                .setUpdateTime(CommonProtos.timestamp(d.updatedAt))
                .setEtag(d.etag());
        if (d.authority != null) {
            proto.setAuthority(d.authority);
        }
        if (d.place != null) {
            proto.setPlace(d.place);
        }
        if (d.retractionReason != null) {
            proto.setRetractionReason(d.retractionReason);
        }
        return proto;
    }

    public static io.habeas.detention.v1.CustodyEvent toProto(CustodyEvent e, Clearance reader) {
        var proto = io.habeas.detention.v1.CustodyEvent.newBuilder()
                .setName(e.resourceName())
                .setType(io.habeas.detention.v1.CustodyEventType.forNumber(
                        toNumber(e.type, io.habeas.detention.v1.CustodyEventType.getDescriptor())))
                .setOccurredOn(date(e.occurredOn))
                .setAccessLevel(CommonProtos.accessLevel(e.accessLevel))
                .addAllSources(sources(e, reader))
                .setState(state(e))
                .setCreateTime(CommonProtos.timestamp(e.createdAt))
                .setUpdateTime(CommonProtos.timestamp(e.updatedAt))
                .setEtag(e.etag());
        if (e.type.statusAfter(null) != null) {
            proto.setResultingStatus(status(e.type.statusAfter(null)));
        }
        if (e.untilDate != null) {
            proto.setUntilDate(date(e.untilDate));
        }
        if (e.place != null) {
            proto.setPlace(e.place);
        }
        if (e.description != null) {
            proto.setDescription(e.description);
        }
        if (e.retractionReason != null) {
            proto.setRetractionReason(e.retractionReason);
        }
        return proto.build();
    }

    /**
     * The charge as the reader sees it: the sources it may see, and of the court events its status
     * changes follow, those it may see, with the sentence a change takes from one.
     */
    public static io.habeas.detention.v1.Charge toProto(Charge c, Clearance reader, LinkedRecords linked) {
        var article = ArticleReference.newBuilder().setArticle(c.article)
                .setStructureSource(c.articleStructureSource == StructureSource.SENT
                        ? ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_SENT : ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED);
        if (c.articlePart != null) {
            article.setPart(c.articlePart);
        }
        if (c.articleClause != null) {
            article.setClause(c.articleClause);
        }
        if (c.articleSubclause != null) {
            article.setSubclause(c.articleSubclause);
        }
        var proto = io.habeas.detention.v1.Charge.newBuilder()
                .setName(c.resourceName())
                .setJurisdiction(c.jurisdiction)
                .setLegalCode(c.legalCode)
                .setArticleReference(c.articleReference)
                .setArticle(article)
                .setFiledOn(date(c.filedOn))
                .setStatus(chargeStatus(c.status))
                .setAccessLevel(CommonProtos.accessLevel(c.accessLevel))
                .addAllSources(sources(c, reader))
                .setState(state(c))
                .setCreateTime(CommonProtos.timestamp(c.createdAt))
                .setUpdateTime(CommonProtos.timestamp(c.updatedAt))
                .setEtag(c.etag());
        c.statusHistory.forEach(change -> proto.addStatusHistory(toProto(change,
                SourceAccess.visible(change.sources(), c.accessLevel, reader), linked, c.id)));
        if (c.offenceDescription != null) {
            proto.setOffenceDescription(c.offenceDescription);
        }
        if (c.retractionReason != null) {
            proto.setRetractionReason(c.retractionReason);
        }
        return proto.build();
    }

    private static io.habeas.detention.v1.ChargeStatusChange toProto(ChargeStatusChange change,
            List<SourceCitation> visibleSources, LinkedRecords linked, UUID chargeId) {
        var proto = io.habeas.detention.v1.ChargeStatusChange.newBuilder()
                .setStatus(chargeStatus(change.status()))
                .setEffectiveOn(date(change.effectiveOn()))
                .addAllSources(SourceMapper.sourcesToProto(visibleSources));
        SentenceTerm term = linked.sentenceOf(change, chargeId);
        if (term != null) {
            proto.setSentenceTerm(sentence(term));
        }
        if (change.courtEvent() != null && linked.showsCourtEvent(change.courtEvent())) {
            proto.setCourtEvent(change.courtEvent());
        }
        if (change.note() != null) {
            proto.setNote(change.note());
        }
        return proto.build();
    }

    /**
     * The sources of a record the reader may see. Reads return only records the reader clears, so
     * the record's own level stands in for its effective one: the answer is the same.
     */
    static List<Source> sources(SourcedRecord record, Clearance reader) {
        return SourceMapper.sourcesToProto(SourceAccess.visible(record.sources, record.accessLevel, reader));
    }

    static io.habeas.detention.v1.CustodyStatus status(CustodyStatus status) {
        return io.habeas.detention.v1.CustodyStatus.forNumber(
                toNumber(status, io.habeas.detention.v1.CustodyStatus.getDescriptor()));
    }

    private static io.habeas.detention.v1.ChargeStatus chargeStatus(ChargeStatus status) {
        return io.habeas.detention.v1.ChargeStatus.forNumber(
                toNumber(status, io.habeas.detention.v1.ChargeStatus.getDescriptor()));
    }

    static RecordState state(RetractableRecord record) {
        return RecordState.forNumber(toNumber(record.state, RecordState.getDescriptor()));
    }
}
