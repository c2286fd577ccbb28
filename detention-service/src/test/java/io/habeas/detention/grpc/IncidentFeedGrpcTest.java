package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.DateRange;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.GetIncidentRequest;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListIncidentRevisionsRequest;
import io.habeas.detention.v1.ListIncidentsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RestoreIncidentRequest;
import io.habeas.detention.v1.RestorePersonRequest;
import io.habeas.detention.v1.RetractIncidentRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.UpdateIncidentRequest;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents in the feeds: the person's, and that of the country whose authorities acted, in date
 * order among the detentions' facts, at the most restrictive level of the incident and its person,
 * following every write to them or their person; and as they were, read as of an instant.
 */
@QuarkusTest
class IncidentFeedGrpcTest extends HistoryCase {
    private Person person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu());
    }

    private Incident travelBan() {
        return addIncident(person, incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 12))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
    }

    /** Each item as its record's name (a detention's start as the detention's). */
    private static List<String> records(List<FeedItem> items) {
        return items.stream().map(item -> switch (item.getRecordCase()) {
            case DETENTION -> item.getDetention().getName();
            case CUSTODY_EVENT -> item.getCustodyEvent().getName();
            case CHARGE -> item.getCharge().getName();
            case INCIDENT -> item.getIncident().getName();
            default -> "?";
        }).toList();
    }

    private List<FeedItem> personFeed(Role role, Timestamp asOf) {
        var request = ListPersonFeedRequest.newBuilder().setPerson(person.getName());
        if (asOf != null) {
            request.setAsOf(asOf);
        }
        return detentionsAs(role).listPersonFeed(request.build()).getItemsList();
    }

    private List<FeedItem> countryFeed(String country, Role role, Timestamp asOf) {
        var request = ListCountryFeedRequest.newBuilder().setDetainingCountry(country);
        if (asOf != null) {
            request.setAsOf(asOf);
        }
        return detentionsAs(role).listCountryFeed(request.build()).getItemsList();
    }

    private Incident update(Incident incident, Incident.Builder values, String... paths) {
        return incidents.updateIncident(UpdateIncidentRequest.newBuilder().setRequestId(requestId())
                .setIncident(values.setName(incident.getName()).setEtag(incident.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build()).getIncident();
    }

    private Incident retract(Incident incident) {
        return incidents.retractIncident(RetractIncidentRequest.newBuilder().setName(incident.getName())
                .setEtag(incident.getEtag()).setReason("Another person of the same name").setRequestId(requestId()).build())
                .getIncident();
    }

    @Test
    void incidentsBeforeAnArrestLeadThePersonsFeedInDateOrder() {
        Incident ban = travelBan();
        Incident passport = addIncident(person, incident(IncidentType.INCIDENT_TYPE_PASSPORT_CONFISCATION, date(2023, 7, 0)));
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        var pretrial = addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 24)));

        List<FeedItem> feed = personFeed(Role.ADMIN, null);
        assertEquals(List.of(ban.getName(), detention.getName(), pretrial.getName(), passport.getName()), records(feed),
                "July 2023 follows the known days of July");
        FeedItem item = feed.get(0);
        assertEquals(FeedItemKind.FEED_ITEM_KIND_INCIDENT, item.getKind());
        assertEquals(ban, item.getIncident());
        assertEquals(ban.getOccurredOn(), item.getDate());
        assertEquals(person.getName(), item.getPerson());
        assertEquals("AZ", item.getDetainingCountry());
        assertEquals("", item.getDetentionName(), "an incident belongs to no detention");
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, item.getAccessLevel());
        assertEquals(records(feed), records(countryFeed("AZ", Role.ADMIN, null)));
    }

    @Test
    void anIncidentIsInTheFeedOfTheCountryWhoseAuthoritiesActedAndMovesWithACorrection() {
        Incident summons = addIncident(person, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2024, 2, 1))
                .setCountry("BY").setAuthority("KGB of Belarus"));
        createDetention(arrest(person.getName(), date(2024, 3, 1)));
        assertEquals(List.of(summons.getName()), records(countryFeed("BY", Role.ADMIN, null)));
        assertEquals("BY", countryFeed("BY", Role.ADMIN, null).get(0).getDetainingCountry());
        assertEquals(1, countryFeed("AZ", Role.ADMIN, null).size());

        Incident moved = update(summons, Incident.newBuilder().setCountry("RU").setOccurredOn(date(2024, 0, 0)), "country",
                "occurred_on");
        assertEquals(List.of(), countryFeed("BY", Role.ADMIN, null));
        assertEquals(List.of(moved), countryFeed("RU", Role.ADMIN, null).stream().map(FeedItem::getIncident).toList());
        assertEquals(moved.getName(), records(personFeed(Role.ADMIN, null)).get(1), "2024 follows 1 March 2024");
        assertEquals(2, personFeed(Role.ADMIN, null).size());
    }

    @Test
    void aDateRangeKeepsTheIncidentsWhosePeriodOverlapsIt() {
        Incident ban = travelBan();
        Incident search = addIncident(person, incident(IncidentType.INCIDENT_TYPE_SEARCH, date(2023, 0, 0)));
        addIncident(person, incident(IncidentType.INCIDENT_TYPE_INTERROGATION, date(2022, 12, 31)));

        List<FeedItem> may = detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person.getName())
                .setDateRange(DateRange.newBuilder().setStart(date(2023, 5, 0)).setEnd(date(2023, 5, 0))).build())
                .getItemsList();
        assertEquals(List.of(ban.getName(), search.getName()), records(may));
    }

    @Test
    void aRetractedIncidentLeavesBothFeedsAndARestoreBringsItBack() {
        Incident ban = travelBan();
        Incident retracted = retract(ban);
        assertEquals(List.of(), personFeed(Role.ADMIN, null));
        assertEquals(List.of(), countryFeed("AZ", Role.ADMIN, null));

        String created = incidents.listIncidentRevisions(ListIncidentRevisionsRequest.newBuilder().setName(ban.getName())
                .build()).getRevisions(1).getRevision().getRevisionId();
        Incident restored = incidents.restoreIncident(RestoreIncidentRequest.newBuilder().setName(ban.getName())
                .setRevisionId(created).setEtag(retracted.getEtag()).setReason("It was him after all")
                .setRequestId(requestId()).build()).getIncident();
        assertEquals(List.of(restored), personFeed(Role.ADMIN, null).stream().map(FeedItem::getIncident).toList());
        assertEquals(1, countryFeed("AZ", Role.ADMIN, null).size());
    }

    @Test
    void aRetractedPersonTakesItsIncidentsOutOfBothFeedsAndItsRestoreBringsThemBack() {
        Incident ban = travelBan();
        Person retracted = persons.retractPerson(RetractPersonRequest.newBuilder().setName(person.getName())
                .setEtag(person.getEtag()).setReason("Entered twice").setRequestId(requestId()).build()).getPerson();
        assertEquals(List.of(), countryFeed("AZ", Role.ADMIN, null));
        assertEquals(0, database.count("feed_entry"));

        String created = history().list(person.getName()).get(1).revision().getRevisionId();
        persons.restorePerson(RestorePersonRequest.newBuilder().setName(person.getName()).setRevisionId(created)
                .setEtag(retracted.getEtag()).setReason("Not a duplicate").setRequestId(requestId()).build());
        assertEquals(List.of(ban.getName()), records(countryFeed("AZ", Role.ADMIN, null)));
    }

    @Test
    void itemsCarryTheMostRestrictiveLevelOfTheIncidentAndItsPersonAndFollowItsReclassification() {
        Incident open = travelBan();
        Incident secret = addIncident(person, incident(IncidentType.INCIDENT_TYPE_HARASSMENT, date(2023, 6, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Person hidden = createPerson(person("Protected Witness", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        Incident ofHidden = addIncident(hidden, incident(IncidentType.INCIDENT_TYPE_ASSAULT, date(2023, 7, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));

        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_PUBLIC, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL,
                AccessLevel.ACCESS_LEVEL_RESTRICTED), countryFeed("AZ", Role.ADMIN, null).stream()
                .map(FeedItem::getAccessLevel).toList());
        assertEquals(List.of(open.getName()), records(countryFeed("AZ", Role.VIEWER, null)));
        assertEquals(List.of(open.getName(), ofHidden.getName()), records(countryFeed("AZ", Role.ANALYST, null)));

        reclassify(person, AccessLevel.ACCESS_LEVEL_RESTRICTED);
        update(secret, Incident.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC), "access_level");
        assertEquals(List.of(), records(countryFeed("AZ", Role.VIEWER, null)));
        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_RESTRICTED, AccessLevel.ACCESS_LEVEL_RESTRICTED,
                AccessLevel.ACCESS_LEVEL_RESTRICTED), countryFeed("AZ", Role.ANALYST, null).stream()
                .map(FeedItem::getAccessLevel).toList());
    }

    @Test
    void everyStatementOfTheIncidentReadsAndOfFeedsHoldingThemCanBeServedByIndexesAlone() {
        Incident ban = travelBan();
        addIncident(person, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2023, 9, 0)));
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        var analyst = incidentsAs(Role.ANALYST);
        readIncidents(analyst, ban); // column lists and plans settle before the log starts

        SqlLog.clear();
        readIncidents(analyst, ban);
        List<String> statements = SqlLog.statements();
        assertTrue(statements.size() >= 8, statements.toString());
        for (String statement : statements) {
            String plan = database.plan(statement);
            assertFalse(plan.contains("Seq Scan"), statement + "\n" + plan);
        }
    }

    private void readIncidents(IncidentServiceGrpc.IncidentServiceBlockingStub reader, Incident incident) {
        reader.getIncident(GetIncidentRequest.newBuilder().setName(incident.getName()).build());
        String token = reader.listIncidents(ListIncidentsRequest.newBuilder().setParent(person.getName()).setPageSize(1)
                .build()).getNextPageToken();
        reader.listIncidents(ListIncidentsRequest.newBuilder().setParent(person.getName()).setPageSize(1)
                .setPageToken(token).build());
        reader.listIncidentRevisions(ListIncidentRevisionsRequest.newBuilder().setName(incident.getName()).build());
        personFeed(Role.ANALYST, null);
        countryFeed("AZ", Role.ANALYST, null);
    }

    @Test
    void asOfAnInstantTheFeedsShowTheIncidentsAsTheyWereThen() {
        Incident ban = travelBan();
        Incident summons = addIncident(person, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2023, 9, 0)));
        Timestamp t1 = instant();
        List<FeedItem> personThen = personFeed(Role.ANALYST, null);
        List<FeedItem> countryThen = countryFeed("AZ", Role.ANALYST, null);

        update(ban, Incident.newBuilder().setCountry("GE").setOccurredOn(date(2023, 10, 1)), "country", "occurred_on");
        retract(summons);
        addIncident(person, incident(IncidentType.INCIDENT_TYPE_INTERROGATION, date(2023, 1, 1)));
        assertEquals(2, personFeed(Role.ANALYST, null).size());

        assertEquals(personThen, personFeed(Role.ANALYST, t1));
        assertEquals(countryThen, countryFeed("AZ", Role.ANALYST, t1));
        assertEquals(List.of(), countryFeed("GE", Role.ANALYST, t1));
    }

    @Test
    void asOfAnInstantAnIncidentShowsOnlyToThoseWhoMaySeeItThenAndNow() {
        Incident madeSecret = travelBan();
        Incident madePublic = addIncident(person, incident(IncidentType.INCIDENT_TYPE_SEARCH, date(2023, 6, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Person classified = createPerson(person("Classified Later", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        addIncident(classified, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2023, 7, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        Timestamp t1 = instant();
        assertEquals(2, countryFeed("AZ", Role.VIEWER, t1).size());

        update(madeSecret, Incident.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL), "access_level");
        update(madePublic, Incident.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC), "access_level");
        reclassify(classified, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);

        assertEquals(List.of(), countryFeed("AZ", Role.VIEWER, t1));
        assertEquals(List.of(), personFeed(Role.VIEWER, t1));
        assertEquals(3, countryFeed("AZ", Role.ADMIN, t1).size());
        assertTrue(countryFeed("AZ", Role.ADMIN, t1).stream().allMatch(FeedItem::hasIncident));
    }
}
