package io.habeas.statement.mapping;

import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.PersonName;
import static io.habeas.kernel.proto.CommonProtos.date;
import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.text.HumanText.normalized;

import io.habeas.common.v1.RecordState;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.statement.domain.Claim;
import io.habeas.statement.domain.ClaimKind;
import io.habeas.statement.domain.Statement;
import io.habeas.statement.domain.StatementMedium;
import io.habeas.statement.service.ClaimDraft;
import io.habeas.statement.service.FeedService;
import io.habeas.statement.service.StatementDraft;
import io.habeas.statement.service.StatementService;
import io.habeas.statement.service.StatementView;
import io.habeas.statement.v1.CallerCount;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.habeas.statement.v1.ReleaseCallSummary;
import io.habeas.statement.v1.StatementRevision;
import io.habeas.statement.service.Kept;
import io.habeas.support.grpc.RevisionMapper;
import io.habeas.support.grpc.SourceMapper;
import java.util.Arrays;
import java.util.Set;

/** Proto <-> domain for statements, their claims, and the feed items that show them. */
public final class StatementMapper {
    public static final Set<String> UPDATABLE = Set.of("actor_office", "made_on", "medium", "title", "summary",
            "quoted_text", "claims", "access_level", "sources");

    private StatementMapper() {
    }

    /** The statement a client sent, its texts in NFC as they are stored and compared. */
    public static StatementDraft toDraft(io.habeas.statement.v1.Statement s) {
        return new StatementDraft(s.getActor(), normalized(emptyToNull(s.getActorOffice())),
                s.hasMadeOn() ? date(s.getMadeOn()) : null, CommonProtos.toDomain(s.getMedium(), StatementMedium.class),
                normalized(s.getTitle()), normalized(emptyToNull(s.getSummary())), normalized(emptyToNull(s.getQuotedText())), s.getClaimsList().stream().map(StatementMapper::toDraft).toList(),
                CommonProtos.accessLevel(s.getAccessLevel()), SourceMapper.sources(s.getSourcesList()));
    }

    private static ClaimDraft toDraft(io.habeas.statement.v1.Claim c) {
        return new ClaimDraft(emptyToNull(c.getName()), CommonProtos.toDomain(c.getKind(), ClaimKind.class),
                c.getSubjectPersonsList(), c.getSubjectCountriesList(), emptyToNull(c.getAddresseeCountry()), normalized(c.getText()),
                emptyToNull(c.getAnswers()));
    }

    public static io.habeas.statement.v1.Statement toProto(StatementView view) {
        Statement s = view.statement();
        var proto = io.habeas.statement.v1.Statement.newBuilder()
                .setName(s.resourceName())
                .setActor(ActorName.of(s.actorId).toString())
                .setMadeOn(date(s.madeOn))
                .setMediumValue(CommonProtos.toNumber(s.medium, io.habeas.statement.v1.StatementMedium.getDescriptor()))
                .setTitle(s.title)
                .setAccessLevel(CommonProtos.accessLevel(s.accessLevel))
                .addAllSources(SourceMapper.sourcesToProto(view.sources()))
                .setState(s.isActive() ? RecordState.RECORD_STATE_ACTIVE : RecordState.RECORD_STATE_RETRACTED)
                .setCreateTime(CommonProtos.timestamp(s.createdAt))
                .setUpdateTime(CommonProtos.timestamp(s.updatedAt))
                .setEtag(s.etag());
        if (s.actorOffice != null) {
            proto.setActorOffice(s.actorOffice);
        }
        if (s.actorCountry != null) {
            proto.setActorCountry(s.actorCountry);
        }
        if (s.summary != null) {
            proto.setSummary(s.summary);
        }
        if (s.quotedText != null) {
            proto.setQuotedText(s.quotedText);
        }
        if (s.retractionReason != null) {
            proto.setRetractionReason(s.retractionReason);
        }
        for (Claim c : s.activeClaims()) {
            proto.addClaims(toProto(c, s, view));
        }
        for (Claim c : s.retractedClaims()) {
            proto.addRetractedClaims(toProto(c, s, view));
        }
        return proto.build();
    }

    private static io.habeas.statement.v1.Claim toProto(Claim c, Statement s, StatementView view) {
        var proto = io.habeas.statement.v1.Claim.newBuilder()
                .setName(Claim.name(s.id, c.id))
                .setKindValue(CommonProtos.toNumber(c.kind, io.habeas.statement.v1.ClaimKind.getDescriptor()))
                .addAllSubjectPersons(view.subjectPersons(c.subjectPersons).stream().map(p -> PersonName.of(p).toString())
                        .toList())
                .addAllSubjectCountries(Arrays.asList(c.subjectCountries))
                .setText(c.text)
                .addAllAnsweredBy(view.answeredBy(c.id));
        if (c.kind.cameoCode() != null) {
            proto.setCameoCode(c.kind.cameoCode());
        }
        if (c.addresseeCountry != null) {
            proto.setAddresseeCountry(c.addresseeCountry);
        }
        if (c.answersClaimId != null) {
            proto.setAnswers(Claim.name(c.answersStatementId, c.answersClaimId));
        }
        return proto.build();
    }

    public static StatementRevision toProto(Kept<io.habeas.statement.v1.Statement> kept) {
        return StatementRevision.newBuilder().setRevision(RevisionMapper.toProto(kept.revision()))
                .setStatement(kept.record()).build();
    }

    public static ClaimItem toProto(StatementService.Item item) {
        return ClaimItem.newBuilder().setStatement(toProto(item.statement()))
                .setClaim(Claim.name(item.statement().statement().id, item.claimId())).build();
    }

    public static GetReleaseCallSummaryResponse toResponse(FeedService.ReleaseCallSummary summary) {
        ReleaseCallSummary calls = toProto(summary);
        var response = GetReleaseCallSummaryResponse.newBuilder().setCallCount(calls.getCallCount())
                .addAllCallers(calls.getCallersList());
        if (calls.hasFirstCallDate()) {
            response.setFirstCallDate(calls.getFirstCallDate()).setLatestCallDate(calls.getLatestCallDate());
        }
        return response.build();
    }

    public static ReleaseCallSummary toProto(FeedService.ReleaseCallSummary summary) {
        var proto = ReleaseCallSummary.newBuilder().setPerson(PersonName.of(summary.person()).toString())
                .setCallCount(summary.count());
        if (summary.first() != null) {
            proto.setFirstCallDate(date(summary.first())).setLatestCallDate(date(summary.latest()));
        }
        summary.callers().forEach(caller -> proto.addCallers(toProto(caller)));
        return proto.build();
    }

    /** One actor's calls for a person's release. */
    public static CallerCount toProto(FeedService.Caller caller) {
        var c = CallerCount.newBuilder().setActor(caller.actor().resourceName())
                .setDisplayName(caller.actor().displayName).setCallCount(caller.count())
                .setLatestCallDate(date(caller.latest()));
        if (caller.actor().country != null) {
            c.setCountry(caller.actor().country);
        }
        return c.build();
    }
}
