package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CourtDecision;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.GetCourtEventRequest;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListCourtEventsRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractCourtEventRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdateCourtEventRequest;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Court events in the person's and the country's feeds: in date order among the detention's other
 * facts, at the most restrictive level of the event, its detention and its person, leaving with a
 * retraction and back with a restore, and as they were when read as of an instant.
 */
@QuarkusTest
class CourtEventFeedGrpcTest extends HistoryCase {
    private static final SentenceTerm TEN_YEARS = SentenceTerm.newBuilder().setYears(10).build();

    private Person person;
    private Detention detention;
    private Charge counterfeit;
    private CourtEvent trial;
    private CourtEvent verdict;

    @BeforeEach
    void recordTheProceedings() {
        person = createPerson(ibadoglu());
        detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        counterfeit = addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22)));
        trial = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_TRIAL_OPENED, date(2024, 2, 0)));
        verdict = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 30))
                .setDecision(CourtDecision.COURT_DECISION_CONVICTED).setSentence(TEN_YEARS).addCharges(counterfeit.getName()));
    }

    private List<FeedItem> personFeed(DetentionServiceGrpc.DetentionServiceBlockingStub stub, Timestamp asOf) {
        var request = ListPersonFeedRequest.newBuilder().setPerson(person.getName());
        if (asOf != null) {
            request.setAsOf(asOf);
        }
        return stub.listPersonFeed(request.build()).getItemsList();
    }

    private List<String> personFeed() {
        return describe(personFeed(detentions, null));
    }

    private List<String> countryFeed() {
        return describe(detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build())
                .getItemsList());
    }

    private static List<String> describe(List<FeedItem> items) {
        return items.stream().map(item -> switch (item.getRecordCase()) {
            case DETENTION -> "detention";
            case CHARGE -> "charge";
            case CUSTODY_EVENT -> item.getCustodyEvent().getType().name().replace("CUSTODY_EVENT_TYPE_", "").toLowerCase();
            case COURT_EVENT -> item.getCourtEvent().getType().name().replace("COURT_EVENT_TYPE_", "").toLowerCase();
            default -> "?";
        }).toList();
    }

    private CourtEvent updateCourtEvent(CourtEvent event, String path, CourtEvent.Builder values) {
        return detentions.updateCourtEvent(UpdateCourtEventRequest.newBuilder().setRequestId(requestId())
                .setCourtEvent(values.setName(event.getName()).setEtag(history().etag(event.getName())))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getCourtEvent();
    }

    @Test
    void courtEventsJoinBothFeedsInDateOrderAsTheirOwnKind() {
        List<String> expected = List.of("detention", "charge", "trial_opened", "house_arrest", "verdict");
        assertEquals(expected, personFeed());
        assertEquals(expected, countryFeed());

        FeedItem item = personFeed(detentions, null).get(4);
        assertEquals(FeedItemKind.FEED_ITEM_KIND_COURT_EVENT, item.getKind());
        assertEquals(detention.getName(), item.getDetentionName());
        assertEquals(person.getName(), item.getPerson());
        assertEquals("AZ", item.getDetainingCountry());
        assertEquals(verdict, item.getCourtEvent());
        assertEquals(verdict.getOccurredOn(), item.getDate());

        updateCourtEvent(trial, "occurred_on", CourtEvent.newBuilder().setOccurredOn(date(2024, 10, 1)));
        assertEquals(List.of("detention", "charge", "house_arrest", "verdict", "trial_opened"), personFeed());
    }

    @Test
    void anItemIsAsRestrictedAsTheEventItsDetentionAndItsPerson() {
        updateCourtEvent(verdict, "access_level", CourtEvent.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        assertEquals(List.of("detention", "charge", "trial_opened", "house_arrest"), describe(personFeed(
                detentionsAs(Role.VIEWER), null)));
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, personFeed(detentionsAs(Role.ANALYST), null).get(4).getAccessLevel());

        updateDetention((Detention) history().get(detention.getName()), "access_level",
                Detention.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        reclassify((Person) history().get(person.getName()), AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        assertEquals(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, personFeed(detentions, null).get(2).getAccessLevel(),
                "a public trial of a confidential person");
        assertEquals(List.of(), describe(detentionsAs(Role.ANALYST).listCountryFeed(ListCountryFeedRequest.newBuilder()
                .setDetainingCountry("AZ").build()).getItemsList()));
    }

    @Test
    void retractionsTakeCourtEventsOutOfTheFeedsAndRestoresBringThemBack() {
        List<String> all = personFeed();
        String created = history().newest(verdict.getName()).revision().getRevisionId();
        CourtEvent retracted = detentions.retractCourtEvent(RetractCourtEventRequest.newBuilder().setName(verdict.getName())
                .setEtag(verdict.getEtag()).setReason("Another defendant's").setRequestId(requestId()).build()).getCourtEvent();
        assertFalse(personFeed().contains("verdict"));
        assertFalse(countryFeed().contains("verdict"));
        history().restore(verdict.getName(), created, retracted.getEtag(), "Retracted in error", requestId());
        assertEquals(all, personFeed());

        String active = history().newest(detention.getName()).revision().getRevisionId();
        Detention gone = detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(detention.getName())
                .setEtag(history().etag(detention.getName())).setReason("Duplicate").setRequestId(requestId()).build())
                .getDetention();
        assertEquals(List.of(), personFeed());
        history().restore(detention.getName(), active, gone.getEtag(), "Retracted in error", requestId());
        assertEquals(all, personFeed());

        String before = history().newest(person.getName()).revision().getRevisionId();
        Person retractedPerson = persons.retractPerson(RetractPersonRequest.newBuilder().setName(person.getName())
                .setEtag(history().etag(person.getName())).setReason("Entered twice").setRequestId(requestId()).build())
                .getPerson();
        assertEquals(List.of(), countryFeed());
        history().restore(person.getName(), before, retractedPerson.getEtag(), "Retracted in error", requestId());
        assertEquals(all, countryFeed());
    }

    @Test
    void readAsOfAnInstantTheProceedingsAndTheSentencesTakenFromThemAreAsTheyWereThen() {
        changeStatus(counterfeit, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .setEffectiveOn(date(2024, 9, 30)).setCourtEvent(verdict.getName()).addSources(source()));
        List<FeedItem> then = personFeed(detentions, null);
        List<FeedItem> viewerThen = personFeed(detentionsAs(Role.VIEWER), null);
        Charge convictedThen = chargeAsOf(null);
        Timestamp t1 = instant();

        SentenceTerm reduced = SentenceTerm.newBuilder().setYears(8).build();
        updateCourtEvent(verdict, "sentence", CourtEvent.newBuilder().setSentence(reduced));
        updateCourtEvent(trial, "access_level", CourtEvent.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_APPEAL_FILED, date(2024, 10, 15)));

        assertEquals(then, personFeed(detentions, t1));
        assertEquals(TEN_YEARS, chargeAsOf(t1).getStatusHistory(0).getSentenceTerm());
        assertEquals(convictedThen, chargeAsOf(t1));
        assertEquals(reduced, chargeAsOf(null).getStatusHistory(0).getSentenceTerm());
        assertEquals(viewerThen.size() - 1, personFeed(detentionsAs(Role.VIEWER), t1).size(),
                "the trial, confidential now, is not shown as of then either");
    }

    @Test
    void everyStatementReadingCourtEventsAndWhatTheyLinkCanBeServedByIndexesAlone() {
        changeStatus(counterfeit, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .setEffectiveOn(date(2024, 9, 30)).setCourtEvent(verdict.getName()).addSources(source()));
        readCourtEventsAndWhatTheyLink(); // column lists are read once, before the log starts

        SqlLog.clear();
        readCourtEventsAndWhatTheyLink();
        List<String> statements = SqlLog.statements().stream().filter(sql -> sql.contains("court_event")).toList();
        assertTrue(statements.size() >= 5, statements.toString());
        for (String statement : statements) {
            String plan = database.plan(statement);
            assertFalse(plan.contains("Seq Scan"), statement + "\n" + plan);
        }
    }

    private void readCourtEventsAndWhatTheyLink() {
        var analyst = detentionsAs(Role.ANALYST);
        analyst.getCourtEvent(GetCourtEventRequest.newBuilder().setName(verdict.getName()).build());
        String token = analyst.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName())
                .setPageSize(1).build()).getNextPageToken();
        analyst.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName()).setPageSize(1)
                .setPageToken(token).build());
        analyst.getCharge(GetChargeRequest.newBuilder().setName(counterfeit.getName()).build());
        analyst.listCharges(ListChargesRequest.newBuilder().setParent(detention.getName()).build());
        personFeed(analyst, null);
        personFeed(analyst, instant());
        historyAs(Role.ANALYST).list(verdict.getName());
        historyAs(Role.ANALYST).list(counterfeit.getName());
    }

    @Test
    void aFeedPageRunsAsManyStatementsForThreeHundredItemsOfProceedingsAsForSix() {
        changeStatus(counterfeit, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .setEffectiveOn(date(2024, 9, 30)).setCourtEvent(verdict.getName()).addSources(source()));
        Person busy = createPerson(ibadoglu());
        Detention large = createDetention(arrest(busy.getName(), date(2020, 1, 1)));
        addEvent(large, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2020, 1, 2)));
        for (int i = 0; i < 100; i++) {
            Charge charge = addCharge(large, charge(Integer.toString(100 + i), date(2020, 1, 1)));
            CourtEvent hearing = addCourtEvent(large, courtEvent(CourtEventType.COURT_EVENT_TYPE_SENTENCE,
                    date(2021, 1 + i % 12, 1 + i % 28)).setSentence(TEN_YEARS).addCharges(charge.getName()));
            changeStatus(charge, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                    .setEffectiveOn(date(2021, 12, 31)).setCourtEvent(hearing.getName()).addSources(source()));
        }

        assertEquals(statementsToReadFeedOf(person, 6), statementsToReadFeedOf(busy, 302));
    }

    private long statementsToReadFeedOf(Person who, int items) {
        database.statistics().clear();
        assertEquals(items, detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(who.getName())
                .setPageSize(500).build()).getItemsCount());
        return database.statistics().getPrepareStatementCount();
    }

    private Charge chargeAsOf(Timestamp asOf) {
        var request = ListChargesRequest.newBuilder().setParent(detention.getName());
        if (asOf != null) {
            request.setAsOf(asOf);
        }
        return detentions.listCharges(request.build()).getCharges(0);
    }
}
