package io.habeas.detention.mapping;

import static io.habeas.kernel.proto.CommonProtos.date;
import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.proto.CommonProtos.toDomain;
import static io.habeas.kernel.proto.CommonProtos.toNumber;
import static io.habeas.kernel.text.HumanText.normalized;

import io.habeas.detention.domain.CourtDecision;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CourtEventType;
import io.habeas.detention.service.CourtEventDraft;
import io.habeas.detention.service.LinkedRecords;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.grpc.SourceMapper;
import java.util.Set;

/** Proto <-> domain for court events; texts a client sends are taken in NFC. */
public final class CourtEventMapper {
    public static final Set<String> UPDATABLE = Set.of("type", "occurred_on", "court", "place", "charges", "decision",
            "sentence", "closed_to_public", "description", "access_level", "sources");

    private CourtEventMapper() {
    }

    public static CourtEventDraft toDraft(io.habeas.detention.v1.CourtEvent e) {
        return new CourtEventDraft(toDomain(e.getType(), CourtEventType.class),
                e.hasOccurredOn() ? date(e.getOccurredOn()) : null, normalized(emptyToNull(e.getCourt())),
                normalized(emptyToNull(e.getPlace())), e.getChargesList(), toDomain(e.getDecision(), CourtDecision.class),
                e.hasSentence() ? DetentionMapper.sentence(e.getSentence()) : null, e.getClosedToPublic(),
                normalized(emptyToNull(e.getDescription())), CommonProtos.accessLevel(e.getAccessLevel()),
                SourceMapper.sources(e.getSourcesList()));
    }

    /** The court event as the reader sees it: the charges and the sources it may see. */
    public static io.habeas.detention.v1.CourtEvent toProto(CourtEvent e, Clearance reader, LinkedRecords linked) {
        var proto = io.habeas.detention.v1.CourtEvent.newBuilder()
                .setName(e.resourceName())
                .setType(io.habeas.detention.v1.CourtEventType.forNumber(
                        toNumber(e.type, io.habeas.detention.v1.CourtEventType.getDescriptor())))
                .setOccurredOn(date(e.occurredOn))
                .addAllCharges(e.charges().stream().filter(linked::showsCharge).map(e::chargeName).toList())
                .setDecision(io.habeas.detention.v1.CourtDecision.forNumber(
                        toNumber(e.decision, io.habeas.detention.v1.CourtDecision.getDescriptor())))
                .setClosedToPublic(e.closedToPublic)
                .setAccessLevel(CommonProtos.accessLevel(e.accessLevel))
                .addAllSources(DetentionMapper.sources(e, reader))
                .setState(DetentionMapper.state(e))
                .setCreateTime(CommonProtos.timestamp(e.createdAt))
                .setUpdateTime(CommonProtos.timestamp(e.updatedAt))
                .setEtag(e.etag());
        if (e.court != null) {
            proto.setCourt(e.court);
        }
        if (e.place != null) {
            proto.setPlace(e.place);
        }
        if (e.sentence() != null) {
            proto.setSentence(DetentionMapper.sentence(e.sentence()));
        }
        if (e.description != null) {
            proto.setDescription(e.description);
        }
        if (e.retractionReason != null) {
            proto.setRetractionReason(e.retractionReason);
        }
        return proto.build();
    }
}
