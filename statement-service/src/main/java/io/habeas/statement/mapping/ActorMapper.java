package io.habeas.statement.mapping;

import io.habeas.kernel.names.PersonName;
import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.text.HumanText.normalized;

import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.ActorKind;
import io.habeas.statement.service.ActorDraft;
import io.habeas.statement.service.ActorView;
import io.habeas.statement.service.Kept;
import io.habeas.statement.v1.ActorMatch;
import io.habeas.statement.v1.ActorRevision;
import io.habeas.support.grpc.RevisionMapper;
import io.habeas.support.grpc.SourceMapper;
import io.habeas.support.search.NameSearch;
import java.util.Set;

/** Proto <-> domain for actors. */
public final class ActorMapper {
    public static final Set<String> UPDATABLE = Set.of("display_name", "kind", "office", "organization", "country",
            "person", "access_level", "sources", "external_ids");

    private ActorMapper() {
    }

    /** The actor a client sent, its texts in NFC as they are stored and compared. */
    public static ActorDraft toDraft(io.habeas.statement.v1.Actor actor) {
        return new ActorDraft(normalized(actor.getDisplayName()), CommonProtos.toDomain(actor.getKind(), ActorKind.class),
                normalized(emptyToNull(actor.getOffice())), normalized(emptyToNull(actor.getOrganization())), emptyToNull(actor.getCountry()),
                emptyToNull(actor.getPerson()), CommonProtos.accessLevel(actor.getAccessLevel()),
                SourceMapper.sources(actor.getSourcesList()),
                actor.getExternalIdsList().stream().map(ExternalId::fromProto).toList());
    }

    public static io.habeas.statement.v1.Actor toProto(ActorView view) {
        Actor actor = view.actor();
        var proto = io.habeas.statement.v1.Actor.newBuilder()
                .setName(actor.resourceName())
                .setDisplayName(actor.displayName)
                .setKindValue(CommonProtos.toNumber(actor.kind, io.habeas.statement.v1.ActorKind.getDescriptor()))
                .setAccessLevel(CommonProtos.accessLevel(actor.accessLevel))
                .addAllSources(SourceMapper.sourcesToProto(view.sources()))
                .setCreateTime(CommonProtos.timestamp(actor.createdAt))
                .setUpdateTime(CommonProtos.timestamp(actor.updatedAt))
                .setEtag(actor.etag())
                .addAllExternalIds(actor.externalIds.stream().map(ExternalId::toProto).toList());
        if (actor.office != null) {
            proto.setOffice(actor.office);
        }
        if (actor.organization != null) {
            proto.setOrganization(actor.organization);
        }
        if (actor.country != null) {
            proto.setCountry(actor.country);
        }
        if (actor.personRef != null) {
            proto.setPerson(PersonName.of(actor.personRef).toString());
        }
        return proto.build();
    }

    public static ActorRevision toProto(Kept<io.habeas.statement.v1.Actor> kept) {
        return ActorRevision.newBuilder().setRevision(RevisionMapper.toProto(kept.revision())).setActor(kept.record()).build();
    }

    public static ActorMatch toProto(NameSearch.Match<ActorView> match) {
        return ActorMatch.newBuilder().setActor(toProto(match.record())).setScore(match.score()).build();
    }
}
