package io.habeas.detention.access;

import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import io.habeas.audit.v1.ListReadAuditEntriesRequest;
import io.habeas.audit.v1.ReadAuditEntry;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.detention.support.Fixtures;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CreateCourtEventRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.GetCourtEventRequest;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetIncidentRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListCourtEventsRequest;
import io.habeas.detention.v1.ListCustodyEventsRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListIncidentsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which answers leave read audit entries, over the levelled case: a record whose effective level is
 * CONFIDENTIAL (its own, its detention's or its person's), or one given with a CONFIDENTIAL source,
 * once per record per answer, whatever method gives it; nothing else.
 */
@QuarkusTest
class ReadAuditGrpcTest extends LevelledCase {
    private static final String AUDITOR = "auditor@habeas.test";

    @GrpcClient("persons")
    PersonServiceGrpc.PersonServiceBlockingStub personChannel;
    @GrpcClient("detentions")
    DetentionServiceGrpc.DetentionServiceBlockingStub detentionChannel;
    @GrpcClient("incidents")
    IncidentServiceGrpc.IncidentServiceBlockingStub incidentChannel;
    @GrpcClient("audit")
    ReadAuditServiceGrpc.ReadAuditServiceBlockingStub auditChannel;

    private PersonServiceGrpc.PersonServiceBlockingStub auditorPersons;
    private DetentionServiceGrpc.DetentionServiceBlockingStub auditorDetentions;
    private IncidentServiceGrpc.IncidentServiceBlockingStub auditorIncidents;

    @BeforeEach
    void readAsAnAuditor() {
        String token = TestTokens.withGroups(AUDITOR, Role.Names.ADMIN);
        auditorPersons = Bearer.with(personChannel, token);
        auditorDetentions = Bearer.with(detentionChannel, token);
        auditorIncidents = Bearer.with(incidentChannel, token);
    }

    @Test
    void getListAndFeedOfAConfidentialPersonEachNameIt() {
        String person = confidentialPerson.getName();
        auditorPersons.getPerson(GetPersonRequest.newBuilder().setName(person).build());
        assertEquals(Set.of(person), audited("habeas.detention.v1.PersonService/GetPerson"));

        auditorPersons.listPersons(ListPersonsRequest.getDefaultInstance());
        assertEquals(Set.of(person, publicPerson.getName()), audited("habeas.detention.v1.PersonService/ListPersons"),
                "the public person is given with its CONFIDENTIAL informant");

        auditorDetentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build());
        assertEquals(Set.of(person, d4.getName(), c4.getName()), audited("habeas.detention.v1.DetentionService/ListPersonFeed"));

        auditorPersons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("confidential person").build());
        assertEquals(Set.of(person), audited("habeas.detention.v1.PersonService/SearchPersons"));
    }

    @Test
    void publicRecordsOfAPublicPersonLeaveNone() {
        String detention = d1.getName();
        auditorDetentions.getDetention(GetDetentionRequest.newBuilder().setName(detention).build());
        auditorDetentions.getCharge(GetChargeRequest.newBuilder().setName(c1.getName()).build());
        auditorDetentions.listCharges(ListChargesRequest.newBuilder().setParent(d2.getName()).build());
        auditorDetentions.listDetentions(ListDetentionsRequest.newBuilder().setPerson(restrictedPerson.getName()).build());
        assertEquals(List.of(), entries());
    }

    @Test
    void aPublicRecordUnderAConfidentialPersonCountsAndNamesThePerson() {
        auditorDetentions.getCharge(GetChargeRequest.newBuilder().setName(c4.getName()).build());
        assertEquals(Set.of(c4.getName()), audited("habeas.detention.v1.DetentionService/GetCharge"));

        auditorDetentions.getDetention(GetDetentionRequest.newBuilder().setName(d4.getName()).build());
        assertEquals(Set.of(d4.getName(), confidentialPerson.getName()),
                audited("habeas.detention.v1.DetentionService/GetDetention"));
    }

    @Test
    void aConfidentialCustodyEventOfAPublicDetentionCountsAlone() {
        auditorDetentions.listCustodyEvents(ListCustodyEventsRequest.newBuilder().setParent(d1.getName()).build());
        assertEquals(Set.of(e2.getName()), audited("habeas.detention.v1.DetentionService/ListCustodyEvents"));
    }

    @Test
    void aConfidentialSourceOfAPublicPersonCountsForWhoeverIsGivenIt() {
        auditorPersons.getPerson(GetPersonRequest.newBuilder().setName(publicPerson.getName()).build());
        assertEquals(Set.of(publicPerson.getName()), audited("habeas.detention.v1.PersonService/GetPerson"));

        String analyst = TestTokens.withGroups("analyst-reader@habeas.test", Role.Names.ANALYST);
        Bearer.with(personChannel, analyst).getPerson(GetPersonRequest.newBuilder().setName(publicPerson.getName()).build());
        assertEquals(List.of(), entriesOf("analyst-reader@habeas.test"), "the analyst is not given the informant");
    }

    @Test
    void aFeedAuditsExactlyItsConfidentialItemsAndPersonsInOneWrite() {
        auditorDetentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build());

        List<ReadAuditEntry> entries = entries();
        assertEquals(Set.of(e2.getName(), d4.getName(), c4.getName(), confidentialPerson.getName()),
                entries.stream().map(ReadAuditEntry::getResource).collect(Collectors.toSet()));
        assertEquals(4, entries.size(), "one entry per record");
        assertEquals(1, entries.stream().map(ReadAuditEntry::getReadTime).distinct().count(), "one write per answer");
    }

    @Test
    void aWriteAnswerGivingAConfidentialRecordIsAuditedToo() {
        Person created = auditorPersons.createPerson(CreatePersonRequest.newBuilder()
                .setPerson(Fixtures.person("Protected Witness", "AZ").setAccessLevel(CONFIDENTIAL))
                .setRequestId(requestId()).build()).getPerson();
        assertEquals(Set.of(created.getName()), audited("habeas.detention.v1.PersonService/CreatePerson"));

        auditorPersons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(created.toBuilder().setDescription("Witness in the 2023 trials"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("description")).setRequestId(requestId()).build());
        assertEquals(Set.of(created.getName()), audited("habeas.detention.v1.PersonService/UpdatePerson"));
    }

    @Test
    void anIncidentCountsThroughItsOwnLevelItsPersonsAndItsSources() {
        Incident underSecret = addIncident(confidentialPerson, Fixtures.incident(IncidentType.INCIDENT_TYPE_SUMMONS,
                Fixtures.date(2024, 1, 1)).setAccessLevel(PUBLIC));
        Incident secret = addIncident(publicPerson, Fixtures.incident(IncidentType.INCIDENT_TYPE_SEARCH,
                Fixtures.date(2024, 1, 2)).setAccessLevel(CONFIDENTIAL));
        Incident cited = addIncident(publicPerson, Fixtures.incident(IncidentType.INCIDENT_TYPE_HARASSMENT,
                Fixtures.date(2024, 1, 3)).setAccessLevel(PUBLIC).addSources(informant()));
        Incident open = addIncident(publicPerson, Fixtures.incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN,
                Fixtures.date(2024, 1, 4)).setAccessLevel(PUBLIC));

        auditorIncidents.getIncident(GetIncidentRequest.newBuilder().setName(underSecret.getName()).build());
        assertEquals(Set.of(underSecret.getName()), audited("habeas.detention.v1.IncidentService/GetIncident"));
        auditorIncidents.listIncidents(ListIncidentsRequest.newBuilder().setParent(publicPerson.getName()).build());
        assertEquals(Set.of(secret.getName(), cited.getName()), audited("habeas.detention.v1.IncidentService/ListIncidents"));
        auditorDetentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setDateRange(io.habeas.common.v1.DateRange.newBuilder().setStart(Fixtures.date(2024, 1, 1))).build());
        assertEquals(Set.of(e2.getName(), underSecret.getName(), confidentialPerson.getName(), secret.getName(),
                cited.getName()), audited("habeas.detention.v1.DetentionService/ListCountryFeed"));

        auditorIncidents.getIncident(GetIncidentRequest.newBuilder().setName(open.getName()).build());
        assertEquals(Set.of(underSecret.getName()), audited("habeas.detention.v1.IncidentService/GetIncident"),
                "an open incident of an open person is no confidential read");
        String analyst = TestTokens.withGroups("analyst-reader@habeas.test", Role.Names.ANALYST);
        Bearer.with(incidentChannel, analyst).getIncident(GetIncidentRequest.newBuilder().setName(cited.getName()).build());
        assertEquals(List.of(), entriesOf("analyst-reader@habeas.test"), "the analyst is not given the informant");
    }

    @Test
    void aConfidentialCourtEventIsAuditedWhereverItIsGivenOrNamed() {
        CourtEvent verdict = detentions.createCourtEvent(CreateCourtEventRequest.newBuilder().setParent(d1.getName())
                .setCourtEvent(Fixtures.courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, Fixtures.date(2024, 9, 0))
                        .setSentence(SentenceTerm.newBuilder().setYears(10)).addCharges(c1.getName())
                        .setAccessLevel(CONFIDENTIAL)).setRequestId(requestId()).build()).getCourtEvent();
        detentions.changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setName(c1.getName()).setEtag(c1.getEtag())
                .setStatusChange(ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                        .setEffectiveOn(Fixtures.date(2024, 9, 0)).setCourtEvent(verdict.getName()).addSources(Fixtures.source()))
                .setRequestId(requestId()).build());

        auditorDetentions.getCourtEvent(GetCourtEventRequest.newBuilder().setName(verdict.getName()).build());
        assertEquals(Set.of(verdict.getName()), audited("habeas.detention.v1.DetentionService/GetCourtEvent"));
        auditorDetentions.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(d1.getName()).build());
        assertEquals(Set.of(verdict.getName()), audited("habeas.detention.v1.DetentionService/ListCourtEvents"));
        auditorDetentions.getCharge(GetChargeRequest.newBuilder().setName(c1.getName()).build());
        assertEquals(Set.of(verdict.getName()), audited("habeas.detention.v1.DetentionService/GetCharge"),
                "the public charge names the confidential verdict its conviction follows");
    }

    private List<ReadAuditEntry> entries() {
        return entriesOf(AUDITOR);
    }

    private List<ReadAuditEntry> entriesOf(String principal) {
        return Bearer.as(auditChannel, Role.ADMIN).listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setPrincipal(principal).setPageSize(500).build()).getEntriesList();
    }

    /** The records the auditor was given through this method, each entry once. */
    private Set<String> audited(String method) {
        List<String> names = entries().stream().filter(e -> e.getMethod().equals(method))
                .map(ReadAuditEntry::getResource).toList();
        assertEquals(names.size(), new TreeSet<>(names).size(), "one entry per record: " + names);
        return Set.copyOf(names);
    }
}
