package io.habeas.detention.mapping;

import static io.habeas.kernel.proto.CommonProtos.date;
import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.proto.CommonProtos.toDomain;
import static io.habeas.kernel.proto.CommonProtos.toNumber;
import static io.habeas.kernel.text.HumanText.normalized;

import io.habeas.detention.domain.Incident;
import io.habeas.detention.domain.IncidentType;
import io.habeas.detention.domain.Person;
import io.habeas.detention.service.IncidentDraft;
import io.habeas.detention.service.RestoredRecord;
import io.habeas.detention.v1.IncidentRevision;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.grpc.RevisionMapper;
import io.habeas.support.grpc.SourceMapper;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import java.util.Set;

/** Proto <-> domain for incidents, and what their revisions keep (as {@link RevisionSnapshots} says for the others). */
public final class IncidentMapper {
    public static final Set<String> UPDATABLE = Set.of("type", "occurred_on", "until_date", "country", "authority",
            "place", "description", "access_level", "sources");
    /** The resource type of an incident's revisions. */
    public static final String REVISION_TYPE = "incident";

    private IncidentMapper() {
    }

    /** Texts a client sends are taken in NFC. */
    public static IncidentDraft toDraft(io.habeas.detention.v1.Incident i) {
        return new IncidentDraft(toDomain(i.getType(), IncidentType.class),
                i.hasOccurredOn() ? date(i.getOccurredOn()) : null, i.hasUntilDate() ? date(i.getUntilDate()) : null,
                i.getCountry(), normalized(emptyToNull(i.getAuthority())), normalized(emptyToNull(i.getPlace())),
                normalized(emptyToNull(i.getDescription())), CommonProtos.accessLevel(i.getAccessLevel()),
                SourceMapper.sources(i.getSourcesList()));
    }

    /** The incident with the sources the reader may see. */
    public static io.habeas.detention.v1.Incident toProto(Incident i, Clearance reader) {
        var proto = io.habeas.detention.v1.Incident.newBuilder()
                .setName(i.resourceName())
                .setType(io.habeas.detention.v1.IncidentType.forNumber(
                        toNumber(i.type, io.habeas.detention.v1.IncidentType.getDescriptor())))
                .setOccurredOn(date(i.occurredOn))
                .setCountry(i.country)
                .setAccessLevel(CommonProtos.accessLevel(i.accessLevel))
                .addAllSources(DetentionMapper.sources(i, reader))
                .setState(DetentionMapper.state(i))
                .setCreateTime(CommonProtos.timestamp(i.createdAt))
                .setUpdateTime(CommonProtos.timestamp(i.updatedAt))
                .setEtag(i.etag());
        if (i.untilDate != null) {
            proto.setUntilDate(date(i.untilDate));
        }
        if (i.authority != null) {
            proto.setAuthority(i.authority);
        }
        if (i.place != null) {
            proto.setPlace(i.place);
        }
        if (i.description != null) {
            proto.setDescription(i.description);
        }
        if (i.retractionReason != null) {
            proto.setRetractionReason(i.retractionReason);
        }
        return proto.build();
    }

    /** A revision of the incident: every source, at the most restrictive level of the incident and its person. */
    public static Revisions.Change revision(Incident incident, Person person, RevisionAction action) {
        return Revisions.Change.of(REVISION_TYPE, incident.id, action,
                AccessLevel.mostRestrictive(incident.accessLevel, person.accessLevel),
                toProto(incident, RevisionSnapshots.EVERY_SOURCE));
    }

    /** The recorded fields, as a draft an update would take, and the state. */
    public static RestoredRecord<IncidentDraft> restored(Revision revision) {
        var incident = Revisions.snapshot(revision, io.habeas.detention.v1.Incident.parser());
        return new RestoredRecord<>(toDraft(incident), RevisionSnapshots.state(incident.getState()),
                incident.getRetractionReason());
    }

    /** The revision with the sources the reader may see. */
    public static IncidentRevision toProto(Revision revision, Clearance reader) {
        var incident = Revisions.snapshot(revision, io.habeas.detention.v1.Incident.parser());
        return IncidentRevision.newBuilder().setRevision(RevisionMapper.toProto(revision))
                .setIncident(incident.toBuilder().clearSources()
                        .addAllSources(RevisionSnapshots.visible(incident.getSourcesList(), revision, reader)))
                .build();
    }
}
