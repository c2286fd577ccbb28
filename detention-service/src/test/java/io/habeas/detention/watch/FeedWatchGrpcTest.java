package io.habeas.detention.watch;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.FieldMask;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedWatchGrpcTest extends WatchTest {
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    @Test
    void aWriteReachesAWatcherAsTheListShowsIt() {
        var watching = watchPerson(Role.VIEWER, person, "");

        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));

        WatchPersonFeedResponse added = watching.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_ADDED, added.getChange().getKind());
        assertEquals(detention.getName(), added.getChange().getItem().getDetention().getName());
        assertEquals(listedAs(Role.VIEWER, person).get(0), added.getChange().getItem());
        assertFalse(added.getResumeToken().isEmpty());
    }

    @Test
    void aCountryWatcherSeesItsCountryOnly() {
        var azerbaijan = watchCountry(Role.VIEWER, "AZ", "");
        String other = createPerson(person("Ilya Yashin", "RU")).getName();

        createDetention(arrest(other, date(2022, 6, 27)).setDetainingCountry("RU"));
        Detention here = createDetention(arrest(person, date(2023, 7, 23)));

        WatchCountryFeedResponse first = azerbaijan.next();
        assertEquals(here.getName(), first.getChange().getItem().getDetention().getName());
        azerbaijan.nothingWithin(Duration.ofMillis(1500));
    }

    @Test
    void correctionAndRetractionArriveAsTheirOwnEvents() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        Charge charge = addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        var watching = watchPerson(Role.VIEWER, person, "");

        Detention current = detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build()).getDetention();
        detentions.updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(Detention.newBuilder().setName(detention.getName()).setEtag(current.getEtag())
                        .setStartDate(date(2023, 7, 22)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("start_date")).setRequestId(requestId()).build());
        WatchPersonFeedResponse corrected = watching.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_CORRECTED, corrected.getChange().getKind());
        assertEquals(22, corrected.getChange().getItem().getDate().getDay());

        detentions.retractCharge(RetractChargeRequest.newBuilder().setName(charge.getName()).setEtag(charge.getEtag())
                .setReason("Misreported").setRequestId(requestId()).build());
        WatchPersonFeedResponse retracted = watching.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_RETRACTED, retracted.getChange().getKind());
        assertEquals(charge.getName(), retracted.getChange().getItem().getCharge().getName());
        watching.nothingWithin(Duration.ofMillis(1500));
    }

    @Test
    void aResumedWatchLosesAndRepeatsNothing() {
        var first = watchPerson(Role.VIEWER, person, "");
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        String token = first.next().getResumeToken();
        first.cancel();

        Charge filed = addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        Charge second = addCharge(detention, charge("167-3.1", date(2023, 12, 0)));

        var resumed = watchPerson(Role.VIEWER, person, token);
        List<WatchPersonFeedResponse> missed = resumed.next(2);
        assertEquals(List.of(filed.getName(), second.getName()),
                missed.stream().map(r -> r.getChange().getItem().getCharge().getName()).toList());
        resumed.nothingWithin(Duration.ofMillis(1500));

        var fromTheMiddle = watchPerson(Role.VIEWER, person, missed.get(0).getResumeToken());
        assertEquals(second.getName(), fromTheMiddle.next().getChange().getItem().getCharge().getName());
        fromTheMiddle.nothingWithin(Duration.ofMillis(1500));
    }

    private List<FeedItem> listedAs(Role role, String person) {
        return detentionsAs(role).listPersonFeed(io.habeas.detention.v1.ListPersonFeedRequest.newBuilder().setPerson(person)
                .build()).getItemsList();
    }
}
