package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.BadRequest;
import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreateIncidentRequest;
import io.habeas.detention.v1.GetIncidentRequest;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentRevision;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListIncidentRevisionsRequest;
import io.habeas.detention.v1.ListIncidentsRequest;
import io.habeas.detention.v1.ListIncidentsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RestoreIncidentRequest;
import io.habeas.detention.v1.RetractIncidentRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.UpdateIncidentRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.testing.GrpcAssertions;
import io.habeas.support.testing.RawMethods;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** IncidentService: what is done to a person outside any detention, recorded, corrected and withdrawn. */
@QuarkusTest
class IncidentGrpcTest extends GrpcTest {
    private Person person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu());
    }

    private Incident get(String name) {
        return incidents.getIncident(GetIncidentRequest.newBuilder().setName(name).build()).getIncident();
    }

    private Incident.Builder travelBan() {
        return incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 12)).setUntilDate(date(2024, 0, 0))
                .setDescription("Barred from flying to Istanbul\nfor a conference.");
    }

    private static FieldMask mask(String... paths) {
        return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
    }

    @Test
    void recordsAnIncidentUnderItsPersonAndReadsItBack() {
        Incident recorded = addIncident(person, travelBan().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));

        IncidentName name = IncidentName.parse(recorded.getName(), "name");
        assertEquals(PersonName.parse(person.getName(), "p").id(), name.personId());
        assertEquals(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, recorded.getType());
        assertEquals(2023, recorded.getOccurredOn().getYear());
        assertEquals(io.habeas.common.v1.DatePrecision.DATE_PRECISION_YEAR, recorded.getUntilDate().getPrecision());
        assertEquals("AZ", recorded.getCountry());
        assertEquals("State Border Service", recorded.getAuthority());
        assertEquals("Heydar Aliyev International Airport", recorded.getPlace());
        assertEquals("Barred from flying to Istanbul\nfor a conference.", recorded.getDescription());
        assertEquals(RecordState.RECORD_STATE_ACTIVE, recorded.getState());
        assertFalse(recorded.getEtag().isEmpty());
        assertTrue(recorded.hasCreateTime());
        assertEquals(recorded, get(recorded.getName()));
    }

    @Test
    void anIncidentWithoutALevelTakesItsPersonsAtCreationAndKeepsIt() {
        Person restricted = createPerson(ibadoglu().setDisplayName("Tofig Yagublu").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        Incident recorded = addIncident(restricted, travelBan());
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, recorded.getAccessLevel());

        persons.updatePerson(UpdatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setName(restricted.getName()).setEtag(restricted.getEtag())
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC))
                .setUpdateMask(mask("access_level")).build());
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, get(recorded.getName()).getAccessLevel());
    }

    record Bad(String what, UnaryOperator<Incident.Builder> change, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Bad> badIncidents() {
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        PartialDate future = date(later.getYear(), later.getMonthValue(), later.getDayOfMonth());
        return Stream.of(
                new Bad("no type", i -> i.setType(IncidentType.INCIDENT_TYPE_UNSPECIFIED), "incident.type"),
                new Bad("a type this build does not know", i -> i.setTypeValue(42), "incident.type"),
                new Bad("no date", Incident.Builder::clearOccurredOn, "incident.occurred_on"),
                new Bad("30 February", i -> i.setOccurredOn(date(2023, 2, 30)), "incident.occurred_on"),
                new Bad("a day without its month", i -> i.setOccurredOn(date(2023, 0, 5)), "incident.occurred_on"),
                new Bad("a date after today", i -> i.setOccurredOn(future).clearUntilDate(), "incident.occurred_on"),
                new Bad("before 1900", i -> i.setOccurredOn(date(1899, 12, 31)), "incident.occurred_on"),
                new Bad("until an impossible date", i -> i.setUntilDate(date(2024, 13, 0)), "incident.until_date"),
                new Bad("until before it happened", i -> i.setUntilDate(date(2023, 4, 0)), "incident.until_date"),
                new Bad("no country", Incident.Builder::clearCountry, "incident.country"),
                new Bad("a country's name", i -> i.setCountry("Azerbaijan"), "incident.country"),
                new Bad("a country in lower case", i -> i.setCountry("az"), "incident.country"),
                new Bad("no such country", i -> i.setCountry("ZZ"), "incident.country"),
                new Bad("301 characters of authority", i -> i.setAuthority("x".repeat(301)), "incident.authority"),
                new Bad("a line break in the authority", i -> i.setAuthority("State\nBorder Service"), "incident.authority"),
                new Bad("301 characters of place", i -> i.setPlace("x".repeat(301)), "incident.place"),
                new Bad("a bidi override in the place", i -> i.setPlace("\u202EBaku"), "incident.place"),
                new Bad("2001 characters of description", i -> i.setDescription("x".repeat(2001)), "incident.description"),
                new Bad("NUL in the description", i -> i.setDescription("Barred\u0000"), "incident.description"),
                new Bad("no source", Incident.Builder::clearSources, "incident.sources"),
                new Bad("21 sources", i -> {
                    for (int n = 0; n < 20; n++) {
                        i.addSources(Source.newBuilder().setPublisher("Publisher " + n).setTitle("Report"));
                    }
                    return i;
                }, "incident.sources"),
                new Bad("a source without its publisher", i -> i.setSources(0, Source.newBuilder().setTitle("Report")),
                        "incident.sources[0].publisher"),
                new Bad("a source URL that is not http", i -> i.setSources(0, Source.newBuilder().setPublisher("JAMnews")
                        .setTitle("Report").setUrl("javascript:alert(1)")), "incident.sources[0].url"));
    }

    @ParameterizedTest
    @MethodSource("badIncidents")
    void refusesEachBadFieldNamingItAndStoresNothing(Bad bad) {
        long revisions = database.count("revision");
        failsOnFields(() -> addIncident(person, bad.change().apply(travelBan())), bad.field());
        assertStoredNothing(revisions);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheirFieldNotInternal() {
        byte[] bytes = CreateIncidentRequest.newBuilder().setParent(person.getName()).setRequestId(requestId())
                .setIncident(travelBan().setDescription("Barred @ the airport")).build().toByteArray();
        byte[] stray = RawMethods.overwrite(bytes, " @", new byte[] {' ', (byte) 0xFF});

        var failure = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(incidents.getChannel(),
                RawMethods.of(IncidentServiceGrpc.getCreateIncidentMethod()), CallOptions.DEFAULT, stray));
        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode(), failure.getStatus().toString());
        assertEquals("incident.description", GrpcAssertions.detail(StatusProto.fromThrowable(failure), BadRequest.class)
                .getFieldViolations(0).getField());
        assertStoredNothing(1);
    }

    @Test
    void anUntilDateInTheMonthOfADayPreciseIncidentIsNotBeforeIt() {
        Incident recorded = addIncident(person, travelBan().setOccurredOn(date(2023, 5, 12)).setUntilDate(date(2023, 5, 0)));
        assertEquals(5, recorded.getUntilDate().getMonth());
    }

    @Test
    void refusesAMalformedParentAMissingRequestIdAndAnUnknownPerson() {
        failsOnFields(() -> incidents.createIncident(CreateIncidentRequest.newBuilder().setParent("people/1")
                .setIncident(travelBan()).setRequestId(requestId()).build()), "parent");
        failsOnFields(() -> incidents.createIncident(CreateIncidentRequest.newBuilder().setParent(person.getName())
                .setIncident(travelBan()).build()), "request_id");
        fails(Status.Code.NOT_FOUND, () -> incidents.createIncident(CreateIncidentRequest.newBuilder()
                .setParent(PersonName.of(UUID.randomUUID()).toString()).setIncident(travelBan()).setRequestId(requestId())
                .build()));
        assertStoredNothing(1);
    }

    @Test
    void writesUnderARetractedPersonAreRefusedAsRecordRetracted() {
        Incident recorded = addIncident(person, travelBan());
        persons.retractPerson(RetractPersonRequest.newBuilder().setName(person.getName()).setEtag(person.getEtag())
                .setReason("Entered twice").setRequestId(requestId()).build());
        long revisions = database.count("revision");

        failsPrecondition("RECORD_RETRACTED", () -> addIncident(person, travelBan()));
        failsPrecondition("RECORD_RETRACTED", () -> incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(recorded.toBuilder().setPlace("Baku")).setUpdateMask(mask("place")).setRequestId(requestId())
                .build()));
        failsPrecondition("RECORD_RETRACTED", () -> incidents.retractIncident(RetractIncidentRequest.newBuilder()
                .setName(recorded.getName()).setEtag(recorded.getEtag()).setReason("error").setRequestId(requestId()).build()));
        String created = revisionsOf(recorded).get(0).getRevision().getRevisionId();
        failsPrecondition("RECORD_RETRACTED", () -> incidents.restoreIncident(RestoreIncidentRequest.newBuilder()
                .setName(recorded.getName()).setRevisionId(created).setEtag(recorded.getEtag()).setReason("back")
                .setRequestId(requestId()).build()));

        assertEquals(1, database.count("incident"));
        assertEquals(revisions, database.count("revision"));
        assertEquals(recorded, get(recorded.getName()), "a retracted person's incident is still read by name");
    }

    @Test
    void correctsOnlyTheFieldsTheMaskNames() {
        Incident recorded = addIncident(person, travelBan());

        Incident corrected = incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(Incident.newBuilder().setName(recorded.getName()).setEtag(recorded.getEtag())
                        .setType(IncidentType.INCIDENT_TYPE_PASSPORT_CONFISCATION).setCountry("GE").setPlace("ignored"))
                .setUpdateMask(mask("type", "country", "until_date")).setRequestId(requestId()).build()).getIncident();

        assertEquals(IncidentType.INCIDENT_TYPE_PASSPORT_CONFISCATION, corrected.getType());
        assertEquals("GE", corrected.getCountry());
        assertFalse(corrected.hasUntilDate(), "a field the mask names and the request leaves unset is cleared");
        assertEquals(recorded.getPlace(), corrected.getPlace());
        assertEquals(recorded.getDescription(), corrected.getDescription());
        assertEquals(corrected, get(recorded.getName()));
    }

    @Test
    void refusesABadCorrectionAStaleEtagAndARecordersReclassificationChangingNothing() {
        Incident recorded = addIncident(person, travelBan());
        long revisions = database.count("revision");

        failsOnFields(() -> incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(recorded.toBuilder().setUntilDate(date(2020, 1, 1)).setCountry("XX"))
                .setUpdateMask(mask("until_date", "country")).setRequestId(requestId()).build()),
                "incident.until_date", "incident.country");
        failsOnFields(() -> incidents.updateIncident(UpdateIncidentRequest.newBuilder().setIncident(recorded)
                .setUpdateMask(mask("state")).setRequestId(requestId()).build()), "update_mask.paths[0]");
        failsOnFields(() -> incidents.updateIncident(UpdateIncidentRequest.newBuilder().setIncident(recorded)
                .setRequestId(requestId()).build()), "update_mask");
        failsOnFields(() -> incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(recorded.toBuilder().clearEtag().setPlace("Baku")).setUpdateMask(mask("place"))
                .setRequestId(requestId()).build()), "incident.etag");
        fails(Status.Code.ABORTED, () -> incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(recorded.toBuilder().setEtag("999").setPlace("Baku")).setUpdateMask(mask("place"))
                .setRequestId(requestId()).build()));
        fails(Status.Code.PERMISSION_DENIED, () -> incidentsAs(Role.RECORDER).updateIncident(UpdateIncidentRequest
                .newBuilder().setIncident(recorded.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(mask("access_level")).setRequestId(requestId()).build()));

        assertEquals(recorded, get(recorded.getName()));
        assertEquals(revisions, database.count("revision"));
    }

    @Test
    void aRetractedIncidentIsKeptWithItsReasonAndLeavesTheList() {
        Incident recorded = addIncident(person, travelBan());
        failsOnFields(() -> incidents.retractIncident(RetractIncidentRequest.newBuilder().setName(recorded.getName())
                .setEtag(recorded.getEtag()).setRequestId(requestId()).build()), "reason");

        Incident retracted = incidents.retractIncident(RetractIncidentRequest.newBuilder().setName(recorded.getName())
                .setEtag(recorded.getEtag()).setReason("Another person of the same name").setRequestId(requestId()).build())
                .getIncident();

        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getState());
        assertEquals("Another person of the same name", retracted.getRetractionReason());
        assertEquals(List.of(), list(false));
        assertEquals(List.of(recorded.getName()), list(true));
        failsPrecondition("RECORD_RETRACTED", () -> incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(retracted.toBuilder().setPlace("Baku")).setUpdateMask(mask("place")).setRequestId(requestId())
                .build()));
        failsPrecondition("RECORD_RETRACTED", () -> incidents.retractIncident(RetractIncidentRequest.newBuilder()
                .setName(recorded.getName()).setEtag(retracted.getEtag()).setReason("again").setRequestId(requestId()).build()));
    }

    private List<String> list(boolean showRetracted) {
        return incidents.listIncidents(ListIncidentsRequest.newBuilder().setParent(person.getName())
                .setShowRetracted(showRetracted).build()).getIncidentsList().stream().map(Incident::getName).toList();
    }

    @Test
    void listsAPersonsIncidentsInDateOrderAcrossPages() {
        Incident year = addIncident(person, travelBan().setOccurredOn(date(2023, 0, 0)).clearUntilDate());
        Incident month = addIncident(person, travelBan().setOccurredOn(date(2023, 5, 0)));
        Incident day = addIncident(person, travelBan().setOccurredOn(date(2023, 5, 31)));
        Incident earlier = addIncident(person, travelBan().setOccurredOn(date(2022, 11, 3)).clearUntilDate());
        Person other = createPerson(ibadoglu().setDisplayName("Tofig Yagublu"));
        addIncident(other, travelBan());

        List<String> walked = new ArrayList<>();
        ListIncidentsRequest.Builder page = ListIncidentsRequest.newBuilder().setParent(person.getName()).setPageSize(3);
        do {
            ListIncidentsResponse response = incidents.listIncidents(page.build());
            response.getIncidentsList().forEach(i -> walked.add(i.getName()));
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());

        assertEquals(List.of(earlier.getName(), day.getName(), month.getName(), year.getName()), walked);
        failsOnFields(() -> incidents.listIncidents(ListIncidentsRequest.newBuilder().setParent(person.getName())
                .setPageSize(-1).build()), "page_size");
        failsOnFields(() -> incidents.listIncidents(ListIncidentsRequest.newBuilder().setParent("persons/x").build()),
                "parent");
        String token = incidents.listIncidents(ListIncidentsRequest.newBuilder().setParent(person.getName()).setPageSize(1)
                .build()).getNextPageToken();
        failsOnFields(() -> incidents.listIncidents(ListIncidentsRequest.newBuilder().setParent(other.getName())
                .setPageToken(token).build()), "page_token");
        fails(Status.Code.NOT_FOUND, () -> incidents.listIncidents(ListIncidentsRequest.newBuilder()
                .setParent(PersonName.of(UUID.randomUUID()).toString()).build()));
    }

    @Test
    void aRetriedCreateStoresNothingNewAndAnswersTheIncidentAsItIsNow() {
        CreateIncidentRequest create = CreateIncidentRequest.newBuilder().setParent(person.getName())
                .setIncident(travelBan()).setRequestId(requestId()).build();
        Incident first = incidentsAs(Role.RECORDER).createIncident(create).getIncident();
        Incident corrected = incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(first.toBuilder().setPlace("Baku")).setUpdateMask(mask("place")).setRequestId(requestId())
                .build()).getIncident();

        assertEquals(corrected, incidentsAs(Role.RECORDER).createIncident(create).getIncident());
        assertEquals(1, database.count("incident"));
        assertEquals(2, revisionsOf(first).size(), "the retry left no revision");
        fails(Status.Code.ALREADY_EXISTS, () -> incidentsAs(Role.RECORDER).createIncident(create.toBuilder()
                .setIncident(travelBan().setPlace("Ganja")).build()));
    }

    @Test
    void aRetryAfterAReclassificationAboveTheCallerAnswersAsGetDoes() {
        CreateIncidentRequest create = CreateIncidentRequest.newBuilder().setParent(person.getName())
                .setIncident(travelBan().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)).setRequestId(requestId()).build();
        Incident first = incidentsAs(Role.RECORDER).createIncident(create).getIncident();
        incidents.updateIncident(UpdateIncidentRequest.newBuilder()
                .setIncident(first.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(mask("access_level")).setRequestId(requestId()).build());

        var replayed = fails(Status.Code.NOT_FOUND, () -> incidentsAs(Role.RECORDER).createIncident(create));
        var got = fails(Status.Code.NOT_FOUND, () -> incidentsAs(Role.RECORDER)
                .getIncident(GetIncidentRequest.newBuilder().setName(first.getName()).build()));
        assertEquals(got, replayed);
        assertEquals(1, database.count("incident"));
    }

    @Test
    void aViewerNeitherRecordsNorCorrectsAndARecorderDoesNotRetract() {
        Incident recorded = addIncident(person, travelBan());
        fails(Status.Code.PERMISSION_DENIED, () -> incidentsAs(Role.VIEWER).createIncident(CreateIncidentRequest
                .newBuilder().setParent(person.getName()).setIncident(travelBan()).setRequestId(requestId()).build()));
        fails(Status.Code.PERMISSION_DENIED, () -> incidentsAs(Role.ANALYST).updateIncident(UpdateIncidentRequest
                .newBuilder().setIncident(recorded.toBuilder().setPlace("Baku")).setUpdateMask(mask("place"))
                .setRequestId(requestId()).build()));
        fails(Status.Code.PERMISSION_DENIED, () -> incidentsAs(Role.RECORDER).retractIncident(RetractIncidentRequest
                .newBuilder().setName(recorded.getName()).setEtag(recorded.getEtag()).setReason("error")
                .setRequestId(requestId()).build()));
        assertEquals(recorded, get(recorded.getName()));
    }

    private List<IncidentRevision> revisionsOf(Incident incident) {
        return incidents.listIncidentRevisions(ListIncidentRevisionsRequest.newBuilder().setName(incident.getName()).build())
                .getRevisionsList();
    }

    private void assertStoredNothing(long revisions) {
        assertEquals(0, database.count("incident"));
        assertEquals(0, database.count("incident_history"));
        assertEquals(0, database.count("feed_entry"));
        assertEquals(revisions, database.count("revision"));
    }
}
