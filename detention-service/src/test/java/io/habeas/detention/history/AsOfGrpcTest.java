package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.*;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads as of an instant give back exactly what the same reads gave at that instant, whatever was
 * corrected, reclassified, retracted or added since; an instant between two changes reads the
 * state between them.
 */
@QuarkusTest
class AsOfGrpcTest extends HistoryCase {
    private static final List<Role> READERS = List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER);

    private Person ibadoglu;
    private Person yagublu;
    private Detention first;
    private Detention second;
    private CustodyEvent pretrial;
    private CustodyEvent extension;
    private Charge counterfeit;
    private Charge extremism;

    /** Two persons held in Azerbaijan, with events and charges, one event RESTRICTED. */
    private void recordTheCase() {
        ibadoglu = createPerson(ibadoglu());
        yagublu = createPerson(person("Tofig Yagublu", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        first = createDetention(arrest(ibadoglu.getName(), date(2023, 7, 23)));
        pretrial = addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 24)));
        extension = addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2023, 11, 0))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        counterfeit = addCharge(first, charge("204.3.1", date(2023, 7, 23)));
        extremism = addCharge(first, charge("167-3.1", date(2023, 12, 0)));
        first = detentions.getDetention(GetDetentionRequest.newBuilder().setName(first.getName()).build()).getDetention();
        second = createDetention(arrest(yagublu.getName(), date(2023, 12, 1)));
    }

    /** The request with as_of set, when there is one. */
    @SuppressWarnings("unchecked")
    private static <B extends Message.Builder> B at(B request, Timestamp asOf) {
        return asOf == null ? request
                : (B) request.setField(request.getDescriptorForType().findFieldByName("as_of"), asOf);
    }

    /** Every read that takes as_of, as one role makes it. */
    private List<Message> readEverything(Role role, Timestamp asOf) {
        var people = personsAs(role);
        var records = detentionsAs(role);
        List<Message> answers = new ArrayList<>();
        answers.add(people.getPerson(at(GetPersonRequest.newBuilder().setName(ibadoglu.getName()), asOf).build()));
        answers.add(people.listPersons(at(ListPersonsRequest.newBuilder(), asOf).build()));
        answers.add(people.listPersons(at(ListPersonsRequest.newBuilder().addPersons(ibadoglu.getName())
                .addPersons(yagublu.getName()), asOf).build()));
        answers.add(people.listPersons(at(ListPersonsRequest.newBuilder().setDetainingCountry("AZ"), asOf).build()));
        answers.add(records.listDetentions(at(ListDetentionsRequest.newBuilder().setDetainingCountry("AZ"), asOf).build()));
        answers.add(records.listDetentions(at(ListDetentionsRequest.newBuilder().setPerson(ibadoglu.getName()), asOf).build()));
        answers.add(records.listDetentions(at(ListDetentionsRequest.newBuilder().setOngoingOnly(true), asOf).build()));
        answers.add(records.listCharges(at(ListChargesRequest.newBuilder().setParent(first.getName()), asOf).build()));
        answers.add(records.listCharges(at(ListChargesRequest.newBuilder().setParent(first.getName())
                .setShowRetracted(true), asOf).build()));
        answers.add(records.listPersonFeed(at(ListPersonFeedRequest.newBuilder().setPerson(ibadoglu.getName()), asOf).build()));
        answers.add(records.listCountryFeed(at(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ"), asOf).build()));
        answers.add(records.getCountryStatistics(at(GetCountryStatisticsRequest.newBuilder().setDetainingCountry("AZ"),
                asOf).build()));
        return answers;
    }

    @Test
    void readsAsOfAnInstantAnswerExactlyAsTheyDidThenAfterCorrectionsReclassificationsRetractionsAndNewRecords() {
        recordTheCase();
        List<List<Message>> then = READERS.stream().map(role -> readEverything(role, null)).toList();
        Timestamp t1 = instant();

        updatePerson(ibadoglu, "display_name", Person.newBuilder().setDisplayName("Qubad İbadoğlu"));
        first = updateDetention(first, "place", Detention.newBuilder().setPlace("Kurdakhani pre-trial facility"));
        updateEvent(extension, "access_level", CustodyEvent.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        updateEvent(pretrial, "occurred_on", CustodyEvent.newBuilder().setOccurredOn(date(2023, 7, 25)));
        retract(extremism);
        changeStatus(counterfeit, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_AMENDED)
                .setEffectiveOn(date(2024, 1, 0)).addSources(source()));
        addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22)));
        addEvent(second, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 5, 1)));
        addCharge(second, charge("233", date(2024, 1, 0)));
        Person later = createPerson(person("Bahruz Samadov", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        createDetention(arrest(later.getName(), date(2024, 8, 0)));

        for (int i = 0; i < READERS.size(); i++) {
            List<Message> now = readEverything(READERS.get(i), null);
            List<Message> asOfThen = readEverything(READERS.get(i), t1);
            for (int read = 0; read < now.size(); read++) {
                assertEquals(then.get(i).get(read), asOfThen.get(read), READERS.get(i) + " read " + read);
                assertNotEquals(then.get(i).get(read), now.get(read), READERS.get(i) + " read " + read + " never changed");
            }
        }
    }

    @Test
    void anInstantBetweenTwoChangesReadsTheStateBetweenThem() {
        recordTheCase();
        Timestamp before = instant();
        Detention moved = updateDetention(first, "place", Detention.newBuilder().setPlace("Kurdakhani pre-trial facility"));
        Charge amended = changeStatus(counterfeit, ChargeStatusChange.newBuilder()
                .setStatus(ChargeStatus.CHARGE_STATUS_AMENDED).setEffectiveOn(date(2024, 1, 0)).addSources(source()));
        Timestamp between = instant();
        updateDetention(moved, "place", Detention.newBuilder().setPlace("Baku, under house arrest"));
        changeStatus(amended, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_DROPPED)
                .setEffectiveOn(date(2024, 6, 0)).addSources(source()));
        addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 6, 10)));

        assertEquals(List.of("Baku", "Kurdakhani pre-trial facility", "Baku, under house arrest"),
                List.of(detentionAsOf(before).getPlace(), detentionAsOf(between).getPlace(), detentionAsOf(null).getPlace()));
        assertEquals(moved.getEtag(), detentionAsOf(between).getEtag());
        assertEquals(List.of(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION,
                        CustodyStatus.CUSTODY_STATUS_RELEASED),
                List.of(detentionAsOf(before).getCurrentStatus(), detentionAsOf(between).getCurrentStatus(),
                        detentionAsOf(null).getCurrentStatus()));
        assertEquals(List.of(ChargeStatus.CHARGE_STATUS_FILED, ChargeStatus.CHARGE_STATUS_AMENDED, ChargeStatus.CHARGE_STATUS_DROPPED),
                List.of(chargeAsOf(before).getStatus(), chargeAsOf(between).getStatus(), chargeAsOf(null).getStatus()));
        assertEquals(amended, chargeAsOf(between));
        assertEquals(List.of(0L, 1L, 2L), List.of(statusChangesInFeed(before), statusChangesInFeed(between),
                statusChangesInFeed(null)));
        assertEquals(List.of(2, 2, 1), List.of(heldIn("AZ", before), heldIn("AZ", between), heldIn("AZ", null)));
    }

    private Detention detentionAsOf(Timestamp asOf) {
        return detentions.listDetentions(at(ListDetentionsRequest.newBuilder().setPerson(ibadoglu.getName()), asOf)
                .build()).getDetentions(0);
    }

    private Charge chargeAsOf(Timestamp asOf) {
        return detentions.listCharges(at(ListChargesRequest.newBuilder().setParent(first.getName()), asOf).build())
                .getChargesList().stream().filter(c -> c.getName().equals(counterfeit.getName())).findFirst().orElseThrow();
    }

    private long statusChangesInFeed(Timestamp asOf) {
        return detentions.listPersonFeed(at(ListPersonFeedRequest.newBuilder().setPerson(ibadoglu.getName()), asOf).build())
                .getItemsList().stream().filter(i -> i.getKind() == FeedItemKind.FEED_ITEM_KIND_CHARGE_STATUS_CHANGED).count();
    }

    private int heldIn(String country, Timestamp asOf) {
        return detentions.getCountryStatistics(at(GetCountryStatisticsRequest.newBuilder().setDetainingCountry(country),
                asOf).build()).getHeldNow();
    }

    @Test
    void beforeARecordWasKnownItIsNotFoundAndListsDoNotHoldIt() {
        Timestamp empty = instant();
        recordTheCase();

        var unknown = io.habeas.support.testing.GrpcAssertions.fails(io.grpc.Status.Code.NOT_FOUND,
                () -> persons.getPerson(GetPersonRequest.newBuilder().setName(ibadoglu.getName()).setAsOf(empty).build()));
        assertTrue(unknown.getMessage().contains(ibadoglu.getName()), unknown.getMessage());
        assertEquals(0, persons.listPersons(ListPersonsRequest.newBuilder().setAsOf(empty).build()).getPersonsCount());
        assertEquals(0, detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setAsOf(empty).build()).getItemsCount());
        assertEquals(GetCountryStatisticsResponse.getDefaultInstance(), detentions.getCountryStatistics(
                GetCountryStatisticsRequest.newBuilder().setDetainingCountry("AZ").setAsOf(empty).build()));
    }
}
