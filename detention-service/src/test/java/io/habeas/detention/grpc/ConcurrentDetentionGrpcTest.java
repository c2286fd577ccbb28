package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A second ongoing detention of one person is refused unless the request says it is intended. */
@QuarkusTest
class ConcurrentDetentionGrpcTest extends GrpcTest {
    private static final List<String> WRITTEN = List.of("detention", "detention_outcome", "feed_entry", "revision");

    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    private static CreateDetentionRequest.Builder secondArrest(String person) {
        return CreateDetentionRequest.newBuilder().setDetention(arrest(person, date(2024, 5, 2)).setDetainingCountry("RU"))
                .setRequestId(requestId());
    }

    private List<Long> stored() {
        return WRITTEN.stream().map(database::count).toList();
    }

    /** The call is refused as ONGOING_DETENTION_EXISTS naming the detention, and stores nothing. */
    private void refusedNaming(Detention ongoing, DetentionServiceGrpc.DetentionServiceBlockingStub as,
            CreateDetentionRequest request) {
        List<Long> before = stored();
        var status = fails(Status.Code.FAILED_PRECONDITION, () -> as.createDetention(request));
        assertEquals("ONGOING_DETENTION_EXISTS", detail(status, ErrorInfo.class).getReason());
        var violation = detail(status, PreconditionFailure.class).getViolations(0);
        assertEquals("ONGOING_DETENTION_EXISTS", violation.getType());
        assertEquals(ongoing.getName(), violation.getSubject());
        assertTrue(status.getMessage().contains(ongoing.getName()), status.getMessage());
        assertEquals(before, stored());
    }

    @Test
    void aSecondOngoingDetentionIsRefusedNamingTheFirstAndNothingIsStored() {
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));

        refusedNaming(first, detentions, secondArrest(person).build());
        refusedNaming(first, detentionsAs(Role.RECORDER), secondArrest(person).build());
        assertEquals(1, detentions.listDetentions(ListDetentionsRequest.newBuilder().setPerson(person).build())
                .getDetentionsCount());
    }

    @Test
    void aSecondOngoingDetentionIsRecordedWhenTheRequestSaysItIsIntended() {
        createDetention(arrest(person, date(2023, 7, 23)));

        Detention second = detentions.createDetention(secondArrest(person).setAllowConcurrent(true).build()).getDetention();

        assertTrue(second.getOngoing());
        assertEquals(2, detentions.listDetentions(ListDetentionsRequest.newBuilder().setPerson(person).setOngoingOnly(true)
                .build()).getDetentionsCount());
    }

    @Test
    void aNewDetentionIsRecordedOnceTheEarlierOneEnded() {
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22)));

        Detention second = detentions.createDetention(secondArrest(person).build()).getDetention();

        assertTrue(second.getOngoing());
        refusedNaming(second, detentions, secondArrest(person).build());
    }

    @Test
    void theLatestStartedOngoingDetentionIsNamed() {
        createDetention(arrest(person, date(2023, 7, 23)));
        Detention later = detentions.createDetention(secondArrest(person).setAllowConcurrent(true).build()).getDetention();

        refusedNaming(later, detentions, secondArrest(person).build());
    }

    @Test
    void aRetriedCreationGetsItsFirstAnswerThoughItsDetentionIsNowOngoing() {
        CreateDetentionRequest request = CreateDetentionRequest.newBuilder()
                .setDetention(arrest(person, date(2023, 7, 23))).setRequestId(requestId()).build();
        Detention first = detentions.createDetention(request).getDetention();

        assertEquals(first, detentions.createDetention(request).getDetention());
        assertEquals(1, database.count("detention"));
    }

    @Test
    void aDetentionHiddenFromTheCallerDoesNotCount() {
        Detention hidden = createDetention(arrest(person, date(2023, 7, 23)).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));

        Detention seen = detentionsAs(Role.RECORDER).createDetention(secondArrest(person).build()).getDetention();

        assertTrue(seen.getOngoing());
        refusedNaming(seen, detentionsAs(Role.RECORDER), secondArrest(person).build());
        refusedNaming(seen, detentions, secondArrest(person).build()); // the admin's latest-started one
        assertTrue(hidden.getOngoing());
    }

    @Test
    void aReleaseHiddenFromTheCallerLeavesTheDetentionOngoingForIt() {
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));

        refusedNaming(first, detentionsAs(Role.RECORDER), secondArrest(person).build());
        assertTrue(detentions.createDetention(secondArrest(person).build()).getDetention().getOngoing());
    }

    @Test
    void aRetractedDetentionDoesNotCount() {
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(first.getName()).setEtag(first.getEtag())
                .setReason("Entered under the wrong person").setRequestId(requestId()).build());

        assertTrue(detentions.createDetention(secondArrest(person).build()).getDetention().getOngoing());
    }
}
