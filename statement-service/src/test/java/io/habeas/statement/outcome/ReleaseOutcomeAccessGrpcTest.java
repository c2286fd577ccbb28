package io.habeas.statement.outcome;

import static io.habeas.statement.outcome.ReleaseOutcomeFixtureGrpcTest.day;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.habeas.audit.v1.ListReadAuditEntriesRequest;
import io.habeas.audit.v1.ReadAuditEntry;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.support.FakeDetention;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only what the caller may see counts, hidden is as unknown on every path, detention-service is
 * asked as the caller and as of the read's instant, and without it these reads fail UNAVAILABLE.
 */
@QuarkusTest
class ReleaseOutcomeAccessGrpcTest extends HistoryCase {
    private static final String UNKNOWN_ACTOR = "actors/0190c7a5-0000-7000-8000-00000000abcd";
    private static final String UNKNOWN_PERSON = "persons/0190c7a5-0000-7000-8000-00000000abcd";

    @GrpcClient("statements")
    ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub outcomesChannel;
    @GrpcClient("audit")
    ReadAuditServiceGrpc.ReadAuditServiceBlockingStub auditChannel;

    private Actor blinken;

    @BeforeEach
    void aSpeaker() {
        blinken = createActor(blinken());
    }

    private ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub as(Role role) {
        return Bearer.as(outcomesChannel, role);
    }

    private void call(Actor actor, PartialDate on, String person) {
        createStatement(statement(actor.getName(), on, "Call").addClaims(
                claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for the release").addSubjectPersons(person)));
    }

    private static ReleaseOutcomeScope.Builder caller(String actor) {
        return ReleaseOutcomeScope.newBuilder().setCaller(actor);
    }

    private ListReleaseOutcomesResponse list(Role role, ReleaseOutcomeScope.Builder scope) {
        return as(role).listReleaseOutcomes(ListReleaseOutcomesRequest.newBuilder().setScope(scope).build());
    }

    private ReleaseOutcomeStatistics statistics(Role role, ReleaseOutcomeScope.Builder scope) {
        return as(role).getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.newBuilder().setScope(scope).build())
                .getStatistics();
    }

    @Test
    void aHiddenCallerHasMadeNoCallsAsAnUnknownOne() {
        Actor informant = createActor(blinken().setDisplayName("Confidential Informant")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        String person = detention.knownPerson();
        detention.detain(person, "AZ", day(2023, 7, 23));
        call(informant, day(2023, 8, 2), person);

        assertEquals(list(Role.VIEWER, caller(UNKNOWN_ACTOR)), list(Role.VIEWER, caller(informant.getName())));
        assertEquals(ListReleaseOutcomesResponse.getDefaultInstance(), list(Role.ANALYST, caller(informant.getName())));
        assertEquals(ReleaseOutcomeStatistics.getDefaultInstance(), statistics(Role.ANALYST, caller(informant.getName())));
        assertEquals(statistics(Role.ANALYST, caller(UNKNOWN_ACTOR)), statistics(Role.ANALYST, caller(informant.getName())));
        assertEquals(List.of(person), list(Role.ADMIN, caller(informant.getName())).getOutcomesList().stream()
                .map(ReleaseOutcome::getPerson).toList());
        assertEquals(1, statistics(Role.ADMIN, caller(informant.getName())).getStillHeld());
        // and the informant's calls are in no other scope either, for those who may not see them
        assertEquals(ListReleaseOutcomesResponse.getDefaultInstance(),
                list(Role.ANALYST, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")));
    }

    @Test
    void aHiddenPersonOrDetentionIsAsOneNobodyCalledFor() {
        String secret = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        detention.detain(secret, "AZ", day(2023, 7, 23), io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        call(blinken, day(2023, 8, 2), secret);
        String restricted = detention.knownPerson();
        detention.detain(restricted, "AZ", day(2023, 7, 23), io.habeas.kernel.access.AccessLevel.RESTRICTED);
        call(blinken, day(2023, 8, 2), restricted);

        var unknown = as(Role.VIEWER).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(UNKNOWN_PERSON).build());
        assertEquals(GetPersonReleaseOutcomeResponse.getDefaultInstance(), unknown);
        assertEquals(unknown, as(Role.ANALYST).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(secret).build()));
        // The person is public, their detention is not: the viewer sees a call made in no detention it may see
        assertEquals(GetPersonReleaseOutcomeResponse.newBuilder().setCallsOutsideDetention(1).build(),
                as(Role.VIEWER).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(restricted)
                        .build()));
        assertEquals(1, as(Role.ANALYST).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(restricted).build()).getOutcomesCount());
        assertEquals(ReleaseOutcomeStatistics.getDefaultInstance(),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")));
        assertEquals(2, statistics(Role.ADMIN, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ"))
                .getPersonsWithCalls());
    }

    @Test
    void detentionServiceIsAskedWithTheCallersOwnToken() {
        String person = detention.knownPerson();
        detention.detain(person, "AZ", day(2023, 7, 23));
        call(blinken, day(2023, 8, 2), person);
        String token = TestTokens.of(Role.VIEWER);
        detention.reset();
        detention.reclassify(person, io.habeas.kernel.access.AccessLevel.PUBLIC);

        Bearer.with(outcomesChannel, token).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(person).build());

        assertEquals(Set.of("Bearer " + token), Set.copyOf(detention.bearers()));
    }

    @Test
    void asOfAnInstantNeitherALaterReleaseNorALaterCallCounts() {
        String person = detention.knownPerson();
        String held = detention.detain(person, "AZ", day(2023, 7, 23));
        call(blinken, day(2023, 8, 2), person);
        Timestamp before = instant();
        detention.end(held, CustodyStatus.CUSTODY_STATUS_RELEASED, day(2024, 1, 10));
        call(blinken, day(2023, 7, 30), person);

        var then = as(Role.VIEWER).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(person)
                .setAsOf(before).build()).getOutcomes(0);
        assertEquals(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, then.getStatus());
        assertEquals(1, then.getCallCount());
        assertEquals(day(2023, 8, 2), then.getFirstCallDate());

        var now = as(Role.VIEWER).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(person)
                .build()).getOutcomes(0);
        assertEquals(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED, now.getStatus());
        assertEquals(2, now.getCallCount());
        assertEquals(164, now.getDaysToRelease(), "30 Jul 2023 to 10 Jan 2024");
    }

    @Test
    void withoutDetentionServiceEveryReadIsUnavailable() {
        String person = detention.knownPerson();
        detention.detain(person, "AZ", day(2023, 7, 23));
        call(blinken, day(2023, 8, 2), person);
        for (FakeDetention.Mode mode : List.of(FakeDetention.Mode.UNAVAILABLE, FakeDetention.Mode.LIST_DETENTIONS_UNAVAILABLE,
                FakeDetention.Mode.SLOW)) {
            detention.mode(mode);
            fails(Status.Code.UNAVAILABLE, () -> as(Role.VIEWER).getPersonReleaseOutcome(
                    GetPersonReleaseOutcomeRequest.newBuilder().setPerson(person).build()));
            fails(Status.Code.UNAVAILABLE, () -> list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCallerCountry("US")));
            fails(Status.Code.UNAVAILABLE, () -> statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder()
                    .setDetainingCountry("AZ")));
        }
    }

    @Test
    void anAdminGivenAConfidentialPersonsOutcomeLeavesAReadAuditEntry() {
        String auditor = "outcome-auditor@habeas.test";
        String secret = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        detention.detain(secret, "AZ", day(2023, 7, 23), io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        call(blinken, day(2023, 8, 2), secret);
        var admin = Bearer.with(outcomesChannel, TestTokens.withGroups(auditor, Role.Names.ADMIN));

        admin.getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(secret).build());
        admin.listReleaseOutcomes(ListReleaseOutcomesRequest.newBuilder()
                .setScope(ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")).build());
        admin.getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.newBuilder()
                .setScope(ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")).build());

        List<ReadAuditEntry> entries = Bearer.as(auditChannel, Role.ADMIN).listReadAuditEntries(
                ListReadAuditEntriesRequest.newBuilder().setPrincipal(auditor).build()).getEntriesList();
        assertEquals(Set.of("GetPersonReleaseOutcome=" + secret, "ListReleaseOutcomes=" + secret,
                        "GetReleaseOutcomeStatistics=" + secret),
                entries.stream().map(e -> e.getMethod().replace("habeas.statement.v1.ReleaseOutcomeService/", "") + "="
                        + e.getResource()).collect(Collectors.toSet()));
    }
}
