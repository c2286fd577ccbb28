package io.habeas.suite;

import static io.habeas.suite.DemoCase.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonRevisionsRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonRevision;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.RestorePersonRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.detention.v1.UpdateCustodyEventRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * History over the packaged applications: who changed what (revisions, per role), restores, reads
 * as known at an earlier instant through the gateway, and a retracted person gone from every read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistorySystemTest {
    private static final String COUNTRY = "TM";
    private RunningSuite suite;

    @BeforeAll
    void start() throws Exception {
        suite = RunningSuite.start("habeas-history");
    }

    @AfterAll
    void stop() throws Exception {
        suite.close();
    }

    private PersonServiceGrpc.PersonServiceBlockingStub persons(String subject, Role role) {
        return PersonServiceGrpc.newBlockingStub(suite.detention(subject, role));
    }

    private DetentionServiceGrpc.DetentionServiceBlockingStub detentions(Role role) {
        return DetentionServiceGrpc.newBlockingStub(suite.detention(role));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private Person create(String displayName, AccessLevel level) {
        return persons("rita", Role.RECORDER).createPerson(CreatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setDisplayName(displayName).addCitizenships(COUNTRY).setAccessLevel(level)
                        .setDescription("First account").addSources(AccessMatrix.source("History Gazette", null)))
                .build()).getPerson();
    }

    private Person update(String subject, Role role, Person changed, String... paths) {
        return persons(subject, role).updatePerson(UpdatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(changed).setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build()).getPerson();
    }

    private List<PersonRevision> revisions(Role role, String person) {
        return PersonServiceGrpc.newBlockingStub(suite.detention(role)).listPersonRevisions(
                ListPersonRevisionsRequest.newBuilder().setName(person).build()).getRevisionsList();
    }

    private static List<String> actions(List<PersonRevision> revisions) {
        return revisions.stream().map(r -> r.getRevision().getAction().name().replace("REVISION_ACTION_", "")
                + "/" + r.getRevision().getPrincipal()).toList();
    }

    @Test
    void everyChangeIsARevisionNamingItsAuthorAndEachRoleSeesThoseItsLevelClears() {
        Person created = create("History Reclassified Person", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Person secret = update("ada", Role.ADMIN, created.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)
                .build(), "access_level");
        Person open = update("ada", Role.ADMIN, secret.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).build(),
                "access_level");
        update("rita", Role.RECORDER, open.toBuilder().setDescription("Corrected account").build(), "description");

        assertEquals(List.of("UPDATED/rita", "RECLASSIFIED/ada", "RECLASSIFIED/ada", "CREATED/rita"),
                actions(revisions(Role.ADMIN, created.getName())));
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            // The CONFIDENTIAL revision stays hidden although the person is PUBLIC again.
            assertEquals(List.of("UPDATED/rita", "RECLASSIFIED/ada", "CREATED/rita"), actions(revisions(role, created.getName())),
                    role.name());
        }
        assertEquals("First account", revisions(Role.VIEWER, created.getName()).get(2).getPerson().getDescription());
    }

    @Test
    void aRestoreBringsBackAnEarlierRevisionAndIsARevisionItself() {
        Person created = create("History Restored Person", AccessLevel.ACCESS_LEVEL_RESTRICTED);
        Person corrected = update("rita", Role.RECORDER, created.toBuilder().setDisplayName("History Misnamed Person")
                .setDescription("A wrong correction").build(), "display_name", "description");
        Revision first = revisions(Role.ADMIN, created.getName()).get(1).getRevision();

        Person restored = persons("ada", Role.ADMIN).restorePerson(RestorePersonRequest.newBuilder().setRequestId(requestId())
                .setName(created.getName()).setRevisionId(first.getRevisionId()).setEtag(corrected.getEtag())
                .setReason("The correction named someone else").build()).getPerson();

        assertEquals(created.getDisplayName(), restored.getDisplayName());
        assertEquals(created.getDescription(), restored.getDescription());
        Revision restore = revisions(Role.ADMIN, created.getName()).get(0).getRevision();
        assertEquals(RevisionAction.REVISION_ACTION_RESTORED, restore.getAction());
        assertEquals(first.getRevisionId(), restore.getRestoredRevisionId());
        assertEquals("ada", restore.getPrincipal());
        assertEquals("The correction named someone else", restore.getReason());
    }

    @Test
    void theGatewayShowsATimelineAndAProfileAsKnownBeforeLaterCorrections() throws Exception {
        Person person = create("History As Of Person", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Detention detention = detentions(Role.RECORDER).createDetention(CreateDetentionRequest.newBuilder()
                .setRequestId(requestId()).setDetention(Detention.newBuilder().setPerson(person.getName())
                        .setDetainingCountry(COUNTRY).setStartDate(date(2024, 2, 0))
                        .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(AccessMatrix.source("History Gazette", null))).build()).getDetention();
        CustodyEvent event = detentions(Role.RECORDER).createCustodyEvent(CreateCustodyEventRequest.newBuilder()
                .setRequestId(requestId()).setParent(detention.getName()).setCustodyEvent(CustodyEvent.newBuilder()
                        .setType(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION).setOccurredOn(date(2024, 3, 0))
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(AccessMatrix.source("History Gazette", null)))
                .build()).getCustodyEvent();
        String id = person.getName().substring("persons/".length());
        String timelineThen = suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id + "/timeline").then().statusCode(200)
                .extract().asString();
        String profileThen = suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id).then().statusCode(200).extract().asString();
        Thread.sleep(20);
        Instant then = Instant.now();
        Thread.sleep(20);

        detentions(Role.RECORDER).updateCustodyEvent(UpdateCustodyEventRequest.newBuilder().setRequestId(requestId())
                .setCustodyEvent(event.toBuilder().setOccurredOn(date(2024, 4, 2))).setUpdateMask(FieldMask.newBuilder()
                        .addPaths("occurred_on")).build());
        update("rita", Role.RECORDER, persons("rita", Role.RECORDER).getPerson(GetPersonRequest.newBuilder()
                .setName(person.getName()).build()).getPerson().toBuilder().setDescription("Later account").build(), "description");

        assertFalse(timelineThen.equals(suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id + "/timeline").then()
                .statusCode(200).extract().asString()));
        assertEquals(timelineThen, suite.gateway(Role.VIEWER).queryParam("asOf", then.toString())
                .get("/api/v1/persons/" + id + "/timeline").then().statusCode(200).extract().asString());
        assertEquals(profileThen, suite.gateway(Role.VIEWER).queryParam("asOf", then.toString())
                .get("/api/v1/persons/" + id).then().statusCode(200).extract().asString());
        assertEquals(person.getDescription(), persons("vic", Role.VIEWER).getPerson(GetPersonRequest.newBuilder()
                .setName(person.getName()).setAsOf(timestamp(then)).build()).getPerson().getDescription());
    }

    @Test
    void aRetractedPersonLeavesEveryReadPathAndStaysInItsHistory() {
        Person person = create("History Retracted Person", AccessLevel.ACCESS_LEVEL_PUBLIC);
        detentions(Role.RECORDER).createDetention(CreateDetentionRequest.newBuilder().setRequestId(requestId())
                .setDetention(Detention.newBuilder().setPerson(person.getName()).setDetainingCountry(COUNTRY)
                        .setStartDate(date(2023, 5, 0)).setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(AccessMatrix.source("History Gazette", null)))
                .build());
        String id = person.getName().substring("persons/".length());
        assertEquals(7, readPathsNaming(person.getName(), id));

        persons("ada", Role.ADMIN).retractPerson(RetractPersonRequest.newBuilder().setRequestId(requestId())
                .setName(person.getName()).setEtag(person.getEtag()).setReason("Entered in error: a duplicate").build());

        assertEquals(0, readPathsNaming(person.getName(), id));
        assertEquals(RecordState.RECORD_STATE_RETRACTED, persons("vic", Role.VIEWER).getPerson(GetPersonRequest.newBuilder()
                .setName(person.getName()).build()).getPerson().getState());
        assertEquals(List.of("RETRACTED/ada", "CREATED/rita"), actions(revisions(Role.VIEWER, person.getName())));
        suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id).then().statusCode(404);
        suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id + "/timeline").then().statusCode(404);
    }

    /** How many of the list, search, feed and count reads (gRPC and gateway) show the person. */
    private int readPathsNaming(String person, String id) {
        var viewer = PersonServiceGrpc.newBlockingStub(suite.detention(Role.VIEWER));
        var reads = detentions(Role.VIEWER);
        int seen = 0;
        seen += viewer.listPersons(ListPersonsRequest.newBuilder().setCitizenship(COUNTRY).setPageSize(200).build())
                .getPersonsList().stream().filter(p -> p.getName().equals(person)).count() > 0 ? 1 : 0;
        seen += viewer.searchPersons(SearchPersonsRequest.newBuilder().setQuery("History Retracted Person").build())
                .getMatchesList().stream().filter(m -> m.getPerson().getName().equals(person)).count() > 0 ? 1 : 0;
        seen += reads.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build()).getItemsCount() > 0 ? 1 : 0;
        seen += reads.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(COUNTRY).setPageSize(500).build())
                .getItemsList().stream().filter(i -> i.getPerson().equals(person)).count() > 0 ? 1 : 0;
        seen += reads.listDetentions(ListDetentionsRequest.newBuilder().setPerson(person).build()).getDetentionsCount() > 0 ? 1 : 0;
        seen += reads.getCountryStatistics(GetCountryStatisticsRequest.newBuilder().setDetainingCountry(COUNTRY).build())
                .getMonthlyList().stream().filter(m -> m.getYear() == 2023 && m.getMonth() == 5).mapToInt(m -> m.getNewDetentions())
                .sum() > 0 ? 1 : 0;
        seen += suite.gateway(Role.VIEWER).queryParam("q", "History Retracted Person").get("/api/v1/persons").then()
                .statusCode(200).extract().jsonPath().getList("persons.id").contains(id) ? 1 : 0;
        return seen;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
