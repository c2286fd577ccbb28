package io.habeas.detention.revisions;

import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreateIncidentRequest;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetIncidentRequest;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentRevision;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListIncidentRevisionsRequest;
import io.habeas.detention.v1.ListIncidentRevisionsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RestoreIncidentRequest;
import io.habeas.detention.v1.RetractIncidentRequest;
import io.habeas.detention.v1.UpdateIncidentRequest;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An incident's revisions: one per write, with its author, request id and reason, none on a retry;
 * listed to those who may see the incident, at the levels they clear, with the sources they clear;
 * restores bring back fields, state and feed entries as an update would, refused as one would be.
 */
@QuarkusTest
class IncidentRevisionsGrpcTest extends GrpcTest {
    private static final String ADMIN = "admin@habeas.test";
    private static final String RECORDER = "recorder@habeas.test";
    private static final String REASON = "Another person of the same name";

    private Person person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu());
    }

    private static Incident.Builder summons() {
        return incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2023, 6, 2)).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC);
    }

    private List<IncidentRevision> revisions(IncidentServiceGrpc.IncidentServiceBlockingStub as, String name) {
        return as.listIncidentRevisions(ListIncidentRevisionsRequest.newBuilder().setName(name).build()).getRevisionsList();
    }

    private Incident update(Incident incident, Incident.Builder values, String requestId, String... paths) {
        return incidents.updateIncident(UpdateIncidentRequest.newBuilder().setRequestId(requestId)
                .setIncident(values.setName(incident.getName()).setEtag(incident.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build()).getIncident();
    }

    private Incident restore(Incident incident, String revisionId, String requestId) {
        return incidents.restoreIncident(RestoreIncidentRequest.newBuilder().setName(incident.getName())
                .setRevisionId(revisionId).setEtag(incident.getEtag()).setReason("The correction was wrong")
                .setRequestId(requestId).build()).getIncident();
    }

    private void assertNewest(Incident incident, String principal, String requestId, RevisionAction action, String reason) {
        IncidentRevision newest = revisions(incidents, incident.getName()).get(0);
        Revision revision = newest.getRevision();
        assertEquals(List.of(action, principal, requestId, reason), List.of(revision.getAction(), revision.getPrincipal(),
                revision.getRequestId(), revision.getReason()));
        assertEquals(incident, newest.getIncident(), "the incident as the write left it");
    }

    @Test
    void everyIncidentWriteLeavesOneRevisionAndARetryNone() {
        String created = requestId();
        CreateIncidentRequest create = CreateIncidentRequest.newBuilder().setParent(person.getName())
                .setIncident(summons()).setRequestId(created).build();
        Incident incident = incidentsAs(Role.RECORDER).createIncident(create).getIncident();
        incidentsAs(Role.RECORDER).createIncident(create);
        assertNewest(incident, RECORDER, created, RevisionAction.REVISION_ACTION_CREATED, "");

        String corrected = requestId();
        incident = update(incident, Incident.newBuilder().setPlace("Baku Police Department No. 22"), corrected, "place");
        assertNewest(incident, ADMIN, corrected, RevisionAction.REVISION_ACTION_UPDATED, "");

        String reclassified = requestId();
        incident = update(incident, Incident.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED), reclassified,
                "access_level");
        assertNewest(incident, ADMIN, reclassified, RevisionAction.REVISION_ACTION_RECLASSIFIED, "");

        String retracted = requestId();
        RetractIncidentRequest retract = RetractIncidentRequest.newBuilder().setName(incident.getName())
                .setEtag(incident.getEtag()).setReason(REASON).setRequestId(retracted).build();
        incident = incidents.retractIncident(retract).getIncident();
        incidents.retractIncident(retract);
        assertNewest(incident, ADMIN, retracted, RevisionAction.REVISION_ACTION_RETRACTED, REASON);

        List<IncidentRevision> before = revisions(incidents, incident.getName());
        String first = before.get(before.size() - 1).getRevision().getRevisionId();
        String restored = requestId();
        incident = restore(incident, first, restored);
        assertNewest(incident, ADMIN, restored, RevisionAction.REVISION_ACTION_RESTORED, "The correction was wrong");
        assertEquals(first, revisions(incidents, incident.getName()).get(0).getRevision().getRestoredRevisionId());
        assertEquals(5, revisions(incidents, incident.getName()).size());
        assertEquals(1, history().list(person.getName()).size(), "the person's own revisions only");
    }

    @Test
    void aRestoreGivesBackTheFieldsStateAndFeedEntryOfTheRevision() {
        Incident recorded = addIncident(person, summons().setUntilDate(date(2023, 7, 0)));
        Incident moved = update(recorded, Incident.newBuilder().setCountry("GE").setType(IncidentType.INCIDENT_TYPE_SEARCH)
                .setOccurredOn(date(2024, 1, 3)), requestId(), "country", "type", "occurred_on", "until_date");
        String created = revisions(incidents, recorded.getName()).get(1).getRevision().getRevisionId();

        Incident restored = restore(moved, created, requestId());
        assertEquals(recorded.toBuilder().clearEtag().clearUpdateTime().build(),
                restored.toBuilder().clearEtag().clearUpdateTime().build());
        assertEquals(List.of(restored), countryFeed("AZ"));
        assertEquals(List.of(), countryFeed("GE"));

        Incident retracted = incidents.retractIncident(RetractIncidentRequest.newBuilder().setName(recorded.getName())
                .setEtag(restored.getEtag()).setReason(REASON).setRequestId(requestId()).build()).getIncident();
        String withdrawn = revisions(incidents, recorded.getName()).get(0).getRevision().getRevisionId();
        Incident back = restore(retracted, created, requestId());
        assertEquals(1, countryFeed("AZ").size());
        Incident again = restore(back, withdrawn, requestId());
        assertEquals(REASON, again.getRetractionReason());
        assertEquals(List.of(), countryFeed("AZ"));
    }

    private List<Incident> countryFeed(String country) {
        return detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(country).build())
                .getItemsList().stream().map(FeedItem::getIncident).toList();
    }

    @Test
    void refusesARestoreThatIsNotAnIdOfAnotherRecordStaleOrNotAnAdminsStoringNothing() {
        Incident recorded = addIncident(person, summons());
        Incident other = addIncident(person, summons());
        String created = revisions(incidents, recorded.getName()).get(0).getRevision().getRevisionId();
        String ofOther = revisions(incidents, other.getName()).get(0).getRevision().getRevisionId();
        long stored = database.count("revision");

        failsOnFields(() -> restore(recorded, "not-an-id", requestId()), "revision_id");
        failsOnFields(() -> incidents.restoreIncident(RestoreIncidentRequest.newBuilder().setName(recorded.getName())
                .setRevisionId(created).setEtag(recorded.getEtag()).setRequestId(requestId()).build()), "reason");
        fails(Status.Code.NOT_FOUND, () -> restore(recorded, ofOther, requestId()));
        fails(Status.Code.NOT_FOUND, () -> restore(Incident.newBuilder().setName(IncidentName.of(
                PersonName.parse(person.getName(), "p"), UUID.randomUUID()).toString()).setEtag("1").build(), created,
                requestId()));
        fails(Status.Code.ABORTED, () -> restore(recorded.toBuilder().setEtag("999").build(), created, requestId()));
        fails(Status.Code.PERMISSION_DENIED, () -> incidentsAs(Role.RECORDER).restoreIncident(RestoreIncidentRequest
                .newBuilder().setName(recorded.getName()).setRevisionId(created).setEtag(recorded.getEtag())
                .setReason("back").setRequestId(requestId()).build()));
        assertEquals(stored, database.count("revision"));
    }

    @Test
    void eachRoleSeesTheRevisionsItClearsWithTheSourcesItClears() {
        Source informant = Source.newBuilder().setPublisher("Informant").setTitle("Account given in confidence")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL).build();
        Incident recorded = addIncident(person, summons().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)
                .addSources(informant));
        fails(Status.Code.NOT_FOUND, () -> revisions(incidentsAs(Role.ANALYST), recorded.getName()));

        Incident restricted = update(recorded, Incident.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED),
                requestId(), "access_level");
        update(restricted, Incident.newBuilder().setDescription("Questioned about his articles"), requestId(), "description");

        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_RESTRICTED, AccessLevel.ACCESS_LEVEL_RESTRICTED),
                levels(revisions(incidentsAs(Role.ANALYST), recorded.getName())), "not the confidential creation");
        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_RESTRICTED, AccessLevel.ACCESS_LEVEL_RESTRICTED,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL), levels(revisions(incidents, recorded.getName())));
        assertEquals(List.of("JAMnews"), revisions(incidentsAs(Role.ANALYST), recorded.getName()).get(0).getIncident()
                .getSourcesList().stream().map(Source::getPublisher).toList());
        assertEquals(List.of("JAMnews", "Informant"), revisions(incidents, recorded.getName()).get(0).getIncident()
                .getSourcesList().stream().map(Source::getPublisher).toList());
        fails(Status.Code.NOT_FOUND, () -> revisions(incidentsAs(Role.VIEWER), recorded.getName()));
        reclassify(person, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        fails(Status.Code.NOT_FOUND, () -> revisions(incidentsAs(Role.ANALYST), recorded.getName()));
    }

    @Test
    void aRevisionCarriesTheMostRestrictiveLevelOfTheIncidentAndItsPerson() {
        Person secret = createPerson(ibadoglu().setDisplayName("Protected Witness")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Incident recorded = addIncident(secret, summons());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, recorded.getAccessLevel());
        assertEquals(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL,
                revisions(incidents, recorded.getName()).get(0).getRevision().getAccessLevel());
    }

    @Test
    void revisionsArePagedNewestFirst() {
        Incident incident = addIncident(person, summons());
        for (int i = 0; i < 4; i++) {
            incident = update(incident, Incident.newBuilder().setDescription("Correction " + i), requestId(), "description");
        }
        List<String> walked = new ArrayList<>();
        ListIncidentRevisionsRequest.Builder page = ListIncidentRevisionsRequest.newBuilder().setName(incident.getName())
                .setPageSize(2);
        do {
            ListIncidentRevisionsResponse response = incidents.listIncidentRevisions(page.build());
            response.getRevisionsList().forEach(r -> walked.add(r.getIncident().getDescription()));
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());
        assertEquals(List.of("Correction 3", "Correction 2", "Correction 1", "Correction 0", ""), walked);
        failsOnFields(() -> incidents.listIncidentRevisions(ListIncidentRevisionsRequest.newBuilder()
                .setName("persons/x/incidents/y").build()), "name");
        assertEquals(incident, incidents.getIncident(GetIncidentRequest.newBuilder().setName(incident.getName()).build())
                .getIncident());
    }

    private void reclassify(Person person, AccessLevel level) {
        persons.updatePerson(io.habeas.detention.v1.UpdatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setName(person.getName()).setEtag(person.getEtag()).setAccessLevel(level))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).build());
    }

    private static List<AccessLevel> levels(List<IncidentRevision> revisions) {
        return revisions.stream().map(r -> r.getRevision().getAccessLevel()).toList();
    }
}
