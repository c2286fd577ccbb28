package io.habeas.statement.watch;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.support.FakeDetention;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.habeas.support.testing.Bearer;
import io.habeas.kernel.testing.Watching;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Caps, slow clients, expiry, retention, bad input and an absent detention-service end a watch as the contract says. */
@QuarkusTest
class ClaimWatchBoundsGrpcTest extends ClaimWatchTest {
    private Actor blinken;
    private String person;

    @BeforeEach
    void recordThePerson() {
        blinken = createActor(blinken());
        person = detention.knownPerson();
    }

    private Statement callFor(String about, int day) {
        return createStatement(statement(blinken.getName(), date(2024, 4, day), "Call " + day)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "x".repeat(500)).addSubjectPersons(about)));
    }

    @Test
    void aCallerHoldsAtMostItsCapOfWatches() {
        for (int i = 0; i < 4; i++) {
            watchCountryClaims(Role.VIEWER, "AZ", "");
        }
        StatusRuntimeException refused = watchPerson(Role.VIEWER, person, "").end();
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
        assertEquals("TOO_MANY_WATCHES", Watching.errorInfo(refused).getReason());
        assertEquals(4, hub.size());
    }

    @Test
    void aSlowClientIsEndedWithAResumeTokenAndResumesLosingNothing() throws InterruptedException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ManagedChannel small = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().flowControlWindow(4096).build();
        try {
            Watching<WatchPersonClaimsResponse> slow = new Watching<>(false);
            registered(slow, () -> Bearer.as(ClaimWatchServiceGrpc.newStub(small), Role.VIEWER).watchPersonClaims(
                    WatchPersonClaimsRequest.newBuilder().setPerson(person).build(), slow));
            assertEquals(1, hub.size(), "the server holds the watch once its client has the start");
            Set<String> written = new HashSet<>();
            for (int i = 0; i < 60 && hub.size() > 0; i++) {
                written.add(callFor(person, 1 + i % 28).getClaims(0).getName());
            }
            awaitWatches(0);
            slow.take(1000);
            StatusRuntimeException end = slow.end();
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, end.getStatus().getCode());
            ErrorInfo info = Watching.errorInfo(end);
            assertEquals("WATCH_TOO_SLOW", info.getReason());
            List<String> seen = new ArrayList<>();
            for (WatchPersonClaimsResponse response = slow.poll(); response != null; response = slow.poll()) {
                seen.add(response.getChange().getItem().getClaim());
            }
            assertTrue(seen.size() < written.size(), "the client was ended before it was sent everything");

            var resumed = watchPerson(Role.VIEWER, person, info.getMetadataOrThrow("resume_token"));
            resumed.next(written.size() - seen.size()).forEach(r -> seen.add(r.getChange().getItem().getClaim()));
            resumed.nothingWithin(Duration.ofMillis(1500));
            assertEquals(written.size(), seen.size());
            assertEquals(written, new HashSet<>(seen));
        } finally {
            small.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWatchEndsWhenItsTokenExpiresAndResumesWithANewOne() {
        Watching<WatchPersonClaimsResponse> watching = new Watching<>(true);
        registered(watching, () -> Bearer.with(ClaimWatchServiceGrpc.newStub(channel),
                TestTokens.expiringIn(Role.VIEWER, Duration.ofSeconds(3))).watchPersonClaims(
                WatchPersonClaimsRequest.newBuilder().setPerson(person).build(), watching));

        StatusRuntimeException end = watching.end();
        assertEquals(Status.Code.UNAUTHENTICATED, end.getStatus().getCode());
        assertEquals("TOKEN_EXPIRED", Watching.errorInfo(end).getReason());
        awaitWatches(0);
        var resumed = watchPerson(Role.VIEWER, person, Watching.errorInfo(end).getMetadataOrThrow("resume_token"));
        callFor(person, 1);
        resumed.next();
    }

    @Test
    void aResumePointOlderThanTheKeptChangesIsOutOfRange() {
        var watching = watchPerson(Role.VIEWER, person, "");
        callFor(person, 1);
        String token = watching.next().getResumeToken();
        watching.cancel();
        callFor(person, 2);

        hub.purge(Instant.now().plusSeconds(60));

        StatusRuntimeException end = watchPerson(Role.VIEWER, person, token).end();
        assertEquals(Status.Code.OUT_OF_RANGE, end.getStatus().getCode());
        assertEquals("RESUME_POINT_EXPIRED", Watching.errorInfo(end).getReason());
    }

    @Test
    void aResumeTokenIsGoodOnlyForItsOwnWatchAndCaller() {
        var watching = watchPerson(Role.VIEWER, person, "");
        callFor(person, 1);
        String token = watching.next().getResumeToken();

        assertInvalid(watchPerson(Role.ANALYST, person, token).end(), "resume_token");
        assertInvalid(watchPerson(Role.VIEWER, detention.knownPerson(), token).end(), "resume_token");
        assertInvalid(watchCountryClaims(Role.VIEWER, "AZ", token).end(), "resume_token");
        assertInvalid(watchPerson(Role.VIEWER, person, "not-a-token").end(), "resume_token");
    }

    @Test
    void badInputIsInvalidArgumentNamingItsField() {
        assertInvalid(watchPerson(Role.VIEWER, "", "").end(), "person");
        assertInvalid(watchPerson(Role.VIEWER, "people/1", "").end(), "person");
        assertInvalid(watchPersons(Role.VIEWER, List.of(), "").end(), "persons");
        assertInvalid(watchPersons(Role.VIEWER, List.of(person, "persons/nope"), "").end(), "persons[1]");
        assertInvalid(watchPersons(Role.VIEWER, Collections.nCopies(1001, person), "").end(), "persons");
        assertInvalid(watchCountryClaims(Role.VIEWER, "", "").end(), "country");
        assertInvalid(watchCountryClaims(Role.VIEWER, "Azerbaijan", "").end(), "country");
        assertInvalid(watchCountryStatements(Role.VIEWER, "zz", "").end(), "country");
        assertEquals(0, hub.size(), "nothing was opened");
    }

    @Test
    void aPersonTheCallerMayNotSeeIsNotFoundAsOneThatDoesNotExist() {
        String confidential = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        StatusRuntimeException hidden = watchPerson(Role.VIEWER, confidential, "").end();
        StatusRuntimeException unknown = watchPerson(Role.VIEWER, "persons/00000000-0000-7000-8000-000000000001", "").end();
        assertEquals(Status.Code.NOT_FOUND, hidden.getStatus().getCode());
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals(0, hub.size());
    }

    @Test
    void aWatchEndsUnavailableWithItsResumeTokenWhenDetentionServiceCannotAnswer() {
        var watching = watchPerson(Role.VIEWER, person, "");
        callFor(person, 1);
        String last = watching.next().getResumeToken();

        detention.mode(FakeDetention.Mode.UNAVAILABLE);
        // A correction that asks detention-service nothing (the actor names no person) changes the watched claim.
        updateActor(blinken.toBuilder().setOffice("Former Secretary of State"), "office");
        StatusRuntimeException end = watching.end();
        assertEquals(Status.Code.UNAVAILABLE, end.getStatus().getCode());
        ErrorInfo info = Watching.errorInfo(end);
        assertEquals("DEPENDENCY_UNAVAILABLE", info.getReason());
        assertEquals(last, info.getMetadataOrThrow("resume_token"));

        detention.mode(FakeDetention.Mode.SERVE);
        awaitWatches(0); // its client may hear of the end before the server has let it go
        var resumed = watchPerson(Role.VIEWER, person, last);
        assertEquals(io.habeas.statement.v1.ChangeKind.CHANGE_KIND_CORRECTED, resumed.next().getChange().getKind());
    }

    private static void assertInvalid(StatusRuntimeException end, String field) {
        assertEquals(Status.Code.INVALID_ARGUMENT, end.getStatus().getCode(), end.toString());
        com.google.rpc.Status status = StatusProto.fromThrowable(end);
        try {
            for (var detail : status.getDetailsList()) {
                if (detail.is(BadRequest.class)) {
                    assertEquals(List.of(field), detail.unpack(BadRequest.class).getFieldViolationsList().stream()
                            .map(BadRequest.FieldViolation::getField).toList());
                    return;
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no BadRequest in " + end.getStatus());
    }
}
