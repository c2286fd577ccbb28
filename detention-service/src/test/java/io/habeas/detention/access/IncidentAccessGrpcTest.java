package io.habeas.detention.access;

import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetIncidentRequest;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListIncidentsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.UpdateIncidentRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents at every level, under persons at every level, as each role reads them:
 * <pre>
 * Public Person (PUBLIC): I1 PUBLIC, I2 RESTRICTED, I3 CONFIDENTIAL, I4 no level (so PUBLIC) citing a CONFIDENTIAL informant
 * Restricted Person (RESTRICTED): I5 no level (so RESTRICTED)
 * Confidential Person (CONFIDENTIAL): I6 PUBLIC
 * </pre>
 */
@QuarkusTest
class IncidentAccessGrpcTest extends GrpcTest {
    private static final AccessLevel PUBLIC = AccessLevel.ACCESS_LEVEL_PUBLIC;
    private static final AccessLevel RESTRICTED = AccessLevel.ACCESS_LEVEL_RESTRICTED;
    private static final AccessLevel CONFIDENTIAL = AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;

    private Person publicPerson;
    private Person restrictedPerson;
    private Person confidentialPerson;
    /** Each incident's name by its label. */
    private final Map<String, String> labelled = new LinkedHashMap<>();

    @BeforeEach
    void recordTheIncidents() {
        labelled.clear();
        publicPerson = createPerson(person("Public Person", "AZ").setAccessLevel(PUBLIC));
        restrictedPerson = createPerson(person("Restricted Person", "AZ").setAccessLevel(RESTRICTED));
        confidentialPerson = createPerson(person("Confidential Person", "AZ").setAccessLevel(CONFIDENTIAL));
        record("I1", publicPerson, ban(1).setAccessLevel(PUBLIC));
        record("I2", publicPerson, ban(2).setAccessLevel(RESTRICTED));
        record("I3", publicPerson, ban(3).setAccessLevel(CONFIDENTIAL));
        record("I4", publicPerson, ban(4).addSources(LevelledCase.informant()));
        record("I5", restrictedPerson, ban(5));
        record("I6", confidentialPerson, ban(6).setAccessLevel(PUBLIC));
    }

    private static Incident.Builder ban(int day) {
        return incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, day));
    }

    private void record(String label, Person person, Incident.Builder incident) {
        labelled.put(label, addIncident(person, incident).getName());
    }

    /** The labels of the incidents a list or feed holds, in its order. */
    private List<String> labels(List<String> names) {
        Map<String, String> byName = labelled.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        return names.stream().map(byName::get).toList();
    }

    private static List<String> incidentsIn(List<FeedItem> items) {
        return items.stream().map(item -> item.getIncident().getName()).toList();
    }

    @Test
    void anIncidentWithoutALevelTakesItsPersonsAndItsFeedItemTheMostRestrictiveOfBoth() {
        var admin = incidents;
        assertEquals(PUBLIC, admin.getIncident(GetIncidentRequest.newBuilder().setName(labelled.get("I4")).build())
                .getIncident().getAccessLevel());
        assertEquals(RESTRICTED, admin.getIncident(GetIncidentRequest.newBuilder().setName(labelled.get("I5")).build())
                .getIncident().getAccessLevel());
        Map<String, AccessLevel> levels = new LinkedHashMap<>();
        detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build()).getItemsList()
                .forEach(item -> levels.put(labels(List.of(item.getIncident().getName())).get(0), item.getAccessLevel()));
        assertEquals(Map.of("I1", PUBLIC, "I2", RESTRICTED, "I3", CONFIDENTIAL, "I4", PUBLIC, "I5", RESTRICTED,
                "I6", CONFIDENTIAL), levels);
    }

    @Test
    void eachRoleGetsListsAndReadsInFeedsExactlyTheIncidentsItClears() {
        Map<Role, List<String>> expected = Map.of(
                Role.VIEWER, List.of("I1", "I4"),
                Role.ANALYST, List.of("I1", "I2", "I4", "I5"),
                Role.RECORDER, List.of("I1", "I2", "I4", "I5"),
                Role.ADMIN, List.of("I1", "I2", "I3", "I4", "I5", "I6"));
        expected.forEach((role, visible) -> {
            var reader = incidentsAs(role);
            for (var incident : labelled.entrySet()) {
                GetIncidentRequest get = GetIncidentRequest.newBuilder().setName(incident.getValue()).build();
                if (visible.contains(incident.getKey())) {
                    assertEquals(incident.getValue(), reader.getIncident(get).getIncident().getName());
                } else {
                    fails(Status.Code.NOT_FOUND, () -> reader.getIncident(get));
                }
            }
            assertEquals(visible, labels(incidentsIn(detentionsAs(role).listCountryFeed(ListCountryFeedRequest
                    .newBuilder().setDetainingCountry("AZ").build()).getItemsList())), role.toString());
            assertEquals(visible.stream().filter(l -> List.of("I1", "I2", "I3", "I4").contains(l)).toList(),
                    labels(incidentsIn(detentionsAs(role).listPersonFeed(ListPersonFeedRequest.newBuilder()
                            .setPerson(publicPerson.getName()).build()).getItemsList())), role.toString());
            assertEquals(visible.stream().filter(l -> List.of("I1", "I2", "I3", "I4").contains(l)).toList(),
                    labels(reader.listIncidents(ListIncidentsRequest.newBuilder().setParent(publicPerson.getName()).build())
                            .getIncidentsList().stream().map(Incident::getName).toList()), role.toString());
        });
        fails(Status.Code.NOT_FOUND, () -> incidentsAs(Role.ANALYST).listIncidents(ListIncidentsRequest.newBuilder()
                .setParent(confidentialPerson.getName()).build()));
        fails(Status.Code.NOT_FOUND, () -> incidentsAs(Role.VIEWER).listIncidents(ListIncidentsRequest.newBuilder()
                .setParent(restrictedPerson.getName()).build()));
    }

    @Test
    void aSourceAboveTheReadersLevelIsLeftOutOfEveryAnswer() {
        GetIncidentRequest get = GetIncidentRequest.newBuilder().setName(labelled.get("I4")).build();
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            assertEquals(List.of("JAMnews"), publishers(incidentsAs(role).getIncident(get).getIncident().getSourcesList()));
            FeedItem item = detentionsAs(role).listPersonFeed(ListPersonFeedRequest.newBuilder()
                    .setPerson(publicPerson.getName()).build()).getItemsList().stream()
                    .filter(i -> i.getIncident().getName().equals(labelled.get("I4"))).findFirst().orElseThrow();
            assertEquals(List.of("JAMnews"), publishers(item.getIncident().getSourcesList()));
        }
        assertEquals(List.of("JAMnews", "Informant"), publishers(incidents.getIncident(get).getIncident().getSourcesList()));
    }

    @Test
    void aRecordersCorrectionOfTheSourcesKeepsThoseHiddenFromIt() {
        var recorder = incidentsAs(Role.RECORDER);
        Incident seen = recorder.getIncident(GetIncidentRequest.newBuilder().setName(labelled.get("I4")).build()).getIncident();
        recorder.updateIncident(UpdateIncidentRequest.newBuilder().setRequestId(requestId())
                .setIncident(seen.toBuilder().addSources(Source.newBuilder().setPublisher("Turan").setTitle("Ban confirmed")))
                .setUpdateMask(FieldMask.newBuilder().addPaths("sources")).build());

        assertEquals(List.of("JAMnews", "Turan", "Informant"), publishers(incidents.getIncident(GetIncidentRequest
                .newBuilder().setName(labelled.get("I4")).build()).getIncident().getSourcesList()));
    }

    private static List<String> publishers(List<Source> sources) {
        return sources.stream().map(Source::getPublisher).toList();
    }
}
