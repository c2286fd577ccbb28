package io.habeas.detention.access;

import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetCustodyEventRequest;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.UpdateCustodyEventRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Levels given at creation, levels changed up the chain, sources hidden from a writer, and page
 * tokens bound to their reader.
 */
@QuarkusTest
class LevelsSourcesAndTokensGrpcTest extends LevelledCase {

    @Test
    void subRecordsWithoutALevelTakeTheirParentsOwnLevel() {
        assertEquals(RESTRICTED, detention(d3).getAccessLevel());
        assertEquals(RESTRICTED, detentions.getCustodyEvent(GetCustodyEventRequest.newBuilder().setName(e3.getName()).build())
                .getCustodyEvent().getAccessLevel());
        assertEquals(PUBLIC, addEvent(d1, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 9, 1))).getAccessLevel());
        assertEquals(PUBLIC, addCharge(d4, charge("204.2", date(2023, 6, 1))).getAccessLevel());
        assertEquals(RESTRICTED, createPerson(io.habeas.detention.support.Fixtures.person("No Level", "AZ")).getAccessLevel());
    }

    @Test
    void aRecorderCorrectingSourcesKeepsThoseHiddenFromIt() {
        var recorder = personsAs(Role.RECORDER);
        Person seen = recorder.getPerson(GetPersonRequest.newBuilder().setName(publicPerson.getName()).build()).getPerson();
        Person described = recorder.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(seen.toBuilder().setDescription("Economist")).setUpdateMask(mask("description"))
                .setRequestId(requestId()).build()).getPerson();
        assertEquals(List.of("JAMnews"), publishers(described.getSourcesList()));
        assertEquals(List.of("JAMnews", "Informant"), publishers(person(publicPerson).getSourcesList()));

        Source court = source().toBuilder().setPublisher("Court record").build();
        recorder.updatePerson(UpdatePersonRequest.newBuilder().setPerson(described.toBuilder().clearSources().addSources(court))
                .setUpdateMask(mask("sources")).setRequestId(requestId()).build());
        assertEquals(List.of("Court record", "Informant"), publishers(person(publicPerson).getSourcesList()));
    }

    @Test
    void aCitationWithoutALevelReadsBackUnspecifiedAndAResentOneStaysSo() {
        Source unlevelled = source().toBuilder().clearAccessLevel().setPublisher("Turan").build();
        Person person = createPerson(io.habeas.detention.support.Fixtures.person("Open Person", "AZ")
                .setAccessLevel(PUBLIC).clearSources().addSources(unlevelled));
        Person read = personsAs(Role.VIEWER).getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build()).getPerson();
        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_UNSPECIFIED), read.getSourcesList().stream().map(Source::getAccessLevel).toList());

        Person resent = personsAs(Role.RECORDER).getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build()).getPerson();
        personsAs(Role.RECORDER).updatePerson(UpdatePersonRequest.newBuilder().setPerson(resent).setUpdateMask(mask("sources"))
                .setRequestId(requestId()).build());

        Person again = personsAs(Role.VIEWER).getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build()).getPerson();
        assertEquals(List.of("Turan"), publishers(again.getSourcesList()));
        assertEquals(AccessLevel.ACCESS_LEVEL_UNSPECIFIED, again.getSources(0).getAccessLevel());
    }

    @Test
    void aRecorderCorrectingADetentionOrEventKeepsSourcesHiddenFromIt() {
        Detention withInformant = createDetention(io.habeas.detention.support.Fixtures.arrest(publicPerson.getName(),
                date(2024, 2, 1)).addSources(informant()));
        Detention placed = detentionsAs(Role.RECORDER).updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(withInformant.toBuilder().clearSources().addSources(source()).setPlace("Ganja"))
                .setUpdateMask(mask("place")).setRequestId(requestId()).build()).getDetention();
        assertEquals(List.of("JAMnews"), publishers(placed.getSourcesList()));
        assertEquals(List.of("JAMnews", "Informant"), publishers(detention(withInformant).getSourcesList()));

        var event = addEvent(withInformant, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 3, 1))
                .addSources(informant()));
        detentionsAs(Role.RECORDER).updateCustodyEvent(UpdateCustodyEventRequest.newBuilder()
                .setCustodyEvent(event.toBuilder().clearSources().addSources(source().toBuilder().setPublisher("Lawyer")))
                .setUpdateMask(mask("sources")).setRequestId(requestId()).build());
        assertEquals(List.of("Lawyer", "Informant"), publishers(detentions.getCustodyEvent(GetCustodyEventRequest
                .newBuilder().setName(event.getName()).build()).getCustodyEvent().getSourcesList()));
    }

    @Test
    void feedsAndStatusFollowAChangeOfLevelAnywhereInTheChain() {
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, as(Role.ANALYST).detention(d1).getCurrentStatus());
        var release = detentions.getCustodyEvent(GetCustodyEventRequest.newBuilder().setName(e2.getName()).build())
                .getCustodyEvent();
        detentions.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder().setCustodyEvent(release.toBuilder()
                .setAccessLevel(RESTRICTED)).setUpdateMask(mask("access_level")).setRequestId(requestId()).build());
        assertEquals(CustodyStatus.CUSTODY_STATUS_RELEASED, as(Role.ANALYST).detention(d1).getCurrentStatus());
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, as(Role.VIEWER).detention(d1).getCurrentStatus());

        detentions.updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(detention(d2).toBuilder().setAccessLevel(PUBLIC))
                .setUpdateMask(mask("access_level")).setRequestId(requestId()).build());
        assertEquals(List.of("D2", "C3", "D1", "C1", "E1"), as(Role.VIEWER).countryFeed());

        persons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(person(publicPerson).toBuilder().setAccessLevel(RESTRICTED))
                .setUpdateMask(mask("access_level")).setRequestId(requestId()).build());
        assertEquals(List.of(), as(Role.VIEWER).countryFeed());
        List<AccessLevel> levels = detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .build()).getItemsList().stream().map(FeedItem::getAccessLevel).toList();
        assertEquals(List.of(RESTRICTED, RESTRICTED, RESTRICTED, CONFIDENTIAL, CONFIDENTIAL, RESTRICTED, RESTRICTED,
                RESTRICTED, RESTRICTED, RESTRICTED, RESTRICTED), levels);
    }

    @Test
    void aRefusedEventDoesNotShowTheWriterTheHiddenReleaseItConflictsWith() {
        var refused = fails(Status.Code.FAILED_PRECONDITION, () -> detentionsAs(Role.RECORDER).createCustodyEvent(
                CreateCustodyEventRequest.newBuilder().setParent(d1.getName()).setRequestId(requestId())
                        .setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 6, 1))).build()));
        assertEquals("EVENT_AFTER_FINAL_RELEASE", detail(refused, ErrorInfo.class).getReason());
        assertEquals("the event on 2024-06-01 comes after the detention ended; a re-arrest is a new detention",
                refused.getMessage());
        assertFalse(detail(refused, PreconditionFailure.class).toString().contains(e2.getName()));
    }

    @Test
    void aPageTokenServesOnlyTheCallerItWasIssuedTo() {
        ListPersonsRequest first = ListPersonsRequest.newBuilder().setPageSize(1).build();
        String token = personsAs(Role.ANALYST).listPersons(first).getNextPageToken();

        assertEquals(List.of("Restricted Person"), personsAs(Role.ANALYST).listPersons(first.toBuilder().setPageToken(token)
                .build()).getPersonsList().stream().map(Person::getDisplayName).toList());
        for (Role other : List.of(Role.VIEWER, Role.RECORDER, Role.ADMIN)) {
            failsOnFields(() -> personsAs(other).listPersons(first.toBuilder().setPageToken(token).build()), "page_token");
        }
        String feedToken = detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setPageSize(1).build()).getNextPageToken();
        failsOnFields(() -> detentionsAs(Role.ANALYST).listCountryFeed(ListCountryFeedRequest.newBuilder()
                .setDetainingCountry("AZ").setPageSize(1).setPageToken(feedToken).build()), "page_token");
    }

    @Test
    void listPersonsNamesAtMostAThousandValidNames() {
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> publicPerson.getName()).toList();
        failsOnFields(() -> persons.listPersons(ListPersonsRequest.newBuilder().addAllPersons(tooMany).build()), "persons");
        failsOnFields(() -> persons.listPersons(ListPersonsRequest.newBuilder().addPersons(publicPerson.getName())
                .addPersons("people/1").build()), "persons[1]");
        List<String> thousand = IntStream.range(0, 1000).mapToObj(i -> publicPerson.getName()).toList();
        assertEquals(1, persons.listPersons(ListPersonsRequest.newBuilder().addAllPersons(thousand).build()).getPersonsCount());
    }

    private MatrixReads as(Role role) {
        return new MatrixReads(this, personsAs(role), detentionsAs(role));
    }

    private Person person(Person of) {
        return persons.getPerson(GetPersonRequest.newBuilder().setName(of.getName()).build()).getPerson();
    }

    private Detention detention(Detention of) {
        return detentions.getDetention(GetDetentionRequest.newBuilder().setName(of.getName()).build()).getDetention();
    }

    private static FieldMask mask(String path) {
        return FieldMask.newBuilder().addPaths(path).build();
    }
}
