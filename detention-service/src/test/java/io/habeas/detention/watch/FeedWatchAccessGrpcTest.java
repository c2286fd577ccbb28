package io.habeas.detention.watch;

import io.habeas.kernel.testing.Watching;
import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedWatchAccessGrpcTest extends WatchTest {
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    @Test
    void aHiddenItemNeverReachesAWatcherWithoutClearance() {
        var viewer = watchCountry(Role.VIEWER, "AZ", "");
        var admin = watchCountry(Role.ADMIN, "AZ", "");

        Detention secret = createDetention(arrest(person, date(2023, 7, 23)).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Detention open = createDetention(arrest(person, date(2024, 1, 1)));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(secret.getName()).setEtag(secret.getEtag())
                .setReason("Entered in error").setRequestId(requestId()).build());

        assertEquals(open.getName(), viewer.next().getChange().getItem().getDetention().getName());
        viewer.nothingWithin(Duration.ofMillis(1500));
        var seenByAdmin = admin.next(3);
        assertEquals(List.of(secret.getName(), open.getName(), secret.getName()),
                seenByAdmin.stream().map(r -> r.getChange().getItem().getDetention().getName()).toList());
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_RETRACTED, seenByAdmin.get(2).getChange().getKind());
        assertEquals(2, database.count("read_audit WHERE resource = '" + secret.getName()
                + "' AND method = 'habeas.detention.v1.FeedWatchService/WatchCountryFeed' AND principal = 'admin@habeas.test'"));
    }

    @Test
    void aTokenIsGoodOnlyForItsFeedAndItsCaller() {
        String other = createPerson(person("Ilya Yashin", "RU")).getName();
        var admin = watchPerson(Role.ADMIN, person, "");
        createDetention(arrest(person, date(2023, 7, 23)));
        String token = admin.next().getResumeToken();
        String pageToken = detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).setPageSize(1)
                .build()).getNextPageToken();

        refusedOnResumeToken(watchPerson(Role.VIEWER, person, token));
        refusedOnResumeToken(watchPerson(Role.ADMIN, other, token));
        refusedOnResumeToken(watchPerson(Role.ADMIN, person, "not-a-token"));
        refusedOnResumeToken(watchPerson(Role.ADMIN, person, token.substring(0, token.length() - 2) + "AA"));
        refusedOnResumeToken(watchCountry(Role.ADMIN, "AZ", token));
        if (!pageToken.isEmpty()) {
            refusedOnResumeToken(watchPerson(Role.ADMIN, person, pageToken));
        }
        assertEquals(1, hub.size());
    }

    @Test
    void aPersonOrCountryTheCallerMayNotSeeIsRefusedAsTheListRefusesIt() {
        String secret = createPerson(person("Hidden Person", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).getName();
        StatusRuntimeException listed = assertThrows(StatusRuntimeException.class, () -> detentionsAs(Role.VIEWER)
                .listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(secret).build()));

        assertEquals(listed.getStatus().getCode(), watchPerson(Role.VIEWER, secret, "").end().getStatus().getCode());
        assertEquals(Status.Code.NOT_FOUND, watchPerson(Role.VIEWER, "persons/01a226b6-7683-75aa-b78e-2d0ae7d02346", "")
                .end().getStatus().getCode());
        refusedOn("person", watchPerson(Role.VIEWER, "people/1", "").end());
        refusedOn("detaining_country", watchCountry(Role.VIEWER, "ZZ", "").end());
        refusedOn("detaining_country", watchCountry(Role.VIEWER, "", "").end());
        assertEquals(0, hub.size());
    }

    private static void refusedOnResumeToken(Watching<?> watching) {
        refusedOn("resume_token", watching.end());
    }

    private static void refusedOn(String field, StatusRuntimeException end) {
        assertEquals(Status.Code.INVALID_ARGUMENT, end.getStatus().getCode(), end.toString());
        BadRequest badRequest = detail(StatusProto.fromThrowable(end), BadRequest.class);
        assertEquals(List.of(field), badRequest.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
    }
}
