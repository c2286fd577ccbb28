package io.habeas.detention.revisions;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.support.RevisionCalls;
import io.habeas.detention.support.RevisionCalls.Kind;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad requests to List*Revisions and Restore*, for every kind of record: the status, the field, nothing stored. */
@QuarkusTest
class RevisionRequestsGrpcTest extends GrpcTest {
    private static final String WHY = "Restored after review";

    /** One record of each kind, and another of each kind. */
    private final Map<Kind, String> records = new EnumMap<>(Kind.class);
    private final Map<Kind, String> others = new EnumMap<>(Kind.class);

    @BeforeEach
    void recordTwoOfEachKind() {
        for (Map<Kind, String> names : List.of(records, others)) {
            Person person = createPerson(ibadoglu());
            Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
            names.put(Kind.PERSON, person.getName());
            names.put(Kind.DETENTION, detention.getName());
            names.put(Kind.CUSTODY_EVENT, addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
                    date(2023, 8, 1))).getName());
            Charge charge = addCharge(detention, charge("204.3.1", date(2023, 7, 25)));
            names.put(Kind.CHARGE, charge.getName());
            names.put(Kind.COURT_EVENT, addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT,
                    date(2024, 3, 1)).addCharges(charge.getName()).setSentence(SentenceTerm.newBuilder().setYears(7)))
                    .getName());
        }
    }

    @Test
    void aRestoreWithoutAWellFormedNameIsInvalid() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            for (String malformed : List.of("", "persons/42", name.substring(0, name.length() - 1), name + "/x")) {
                assertNothingStored(() -> failsOnFields(() -> restore(kind, malformed, revisionOf(name), etag(name), WHY),
                        "name"));
            }
        }
    }

    @Test
    void aRevisionIdThatIsNoIdIsInvalid() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            for (String revisionId : List.of("", "42", "revisions/" + revisionOf(name), " " + revisionOf(name))) {
                assertNothingStored(() -> failsOnFields(() -> restore(kind, name, revisionId, etag(name), WHY),
                        "revision_id"));
            }
        }
    }

    @Test
    void aRevisionOfAnotherRecordIsNotFound() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            Kind otherKind = Kind.values()[(kind.ordinal() + 1) % Kind.values().length];
            for (String revisionId : List.of(revisionOf(others.get(kind)), revisionOf(records.get(otherKind)),
                    UUID.randomUUID().toString())) {
                assertNothingStored(() -> fails(Status.Code.NOT_FOUND,
                        () -> restore(kind, name, revisionId, etag(name), WHY)));
            }
        }
    }

    @Test
    void anUnknownRecordIsNotFound() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            String unknown = name.substring(0, name.length() - 12) + "000000000000";
            assertNothingStored(() -> fails(Status.Code.NOT_FOUND,
                    () -> restore(kind, unknown, revisionOf(name), etag(name), WHY)));
        }
    }

    @Test
    void aMissingOrUnwrittenReasonIsInvalid() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            for (String reason : List.of("", "   ", "Restored \u202Eweiver retfa", "x".repeat(2001))) {
                assertNothingStored(() -> failsOnFields(() -> restore(kind, name, revisionOf(name), etag(name), reason),
                        "reason"));
            }
        }
    }

    @Test
    void aMissingEtagIsInvalidAndAStaleOneIsAborted() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            assertNothingStored(() -> failsOnFields(() -> restore(kind, name, revisionOf(name), "", WHY), "etag"));
            var stale = fails(Status.Code.ABORTED,
                    () -> restore(kind, name, revisionOf(name), Long.toString(Long.parseLong(etag(name)) - 1), WHY));
            assertEquals("STALE_ETAG", detail(stale, ErrorInfo.class).getReason());
        }
        assertNothingStored(() -> { });
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        for (Kind kind : Kind.values()) {
            assertNothingStored(() -> failsOnFields(() -> restore(kind, records.get(kind), "x", "", ""),
                    "revision_id", "etag", "reason"));
        }
    }

    @Test
    void onlyAnAdminRestores() {
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            for (Kind kind : Kind.values()) {
                String name = records.get(kind);
                assertNothingStored(() -> fails(Status.Code.PERMISSION_DENIED, () -> historyAs(role)
                        .restore(kind, name, revisionOf(name), etag(name), WHY, requestId())));
            }
        }
    }

    @Test
    void listingRevisionsChecksTheNameThePageSizeAndThePageToken() {
        for (Kind kind : Kind.values()) {
            String name = records.get(kind);
            failsOnFields(() -> history().list(kind, "", 0, ""), "name");
            failsOnFields(() -> history().list(kind, "persons/42", 0, ""), "name");
            failsOnFields(() -> history().list(kind, name, -1, ""), "page_size");
            failsOnFields(() -> history().list(kind, name, 0, "not a token"), "page_token");
            fails(Status.Code.NOT_FOUND, () -> history().list(kind, name.substring(0, name.length() - 12) + "000000000000",
                    0, ""));
        }
    }

    @Test
    void revisionsComeNewestFirstInPagesBoundToTheirReader() {
        String name = records.get(Kind.PERSON);
        correct(name, 4);
        RevisionCalls.Page first = history().list(name, 2, "");
        RevisionCalls.Page second = history().list(name, 2, first.nextPageToken());
        RevisionCalls.Page last = history().list(name, 2, second.nextPageToken());

        List<String> ids = java.util.stream.Stream.of(first, second, last).flatMap(p -> p.revisions().stream())
                .map(r -> r.revision().getRevisionId()).toList();
        assertEquals(history().list(name).stream().map(r -> r.revision().getRevisionId()).toList(), ids);
        assertEquals(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), ids, "newest first");
        assertEquals(5, ids.size());
        assertEquals("", last.nextPageToken());
        failsOnFields(() -> historyAs(Role.RECORDER).list(name, 2, first.nextPageToken()), "page_token");
        failsOnFields(() -> history().list(records.get(Kind.DETENTION), 2, first.nextPageToken()), "page_token");
    }

    @Test
    void aPageHoldsFiftyRevisionsUnlessAskedForMore() {
        String name = records.get(Kind.PERSON);
        correct(name, 50);

        assertEquals(50, history().list(name, 0, "").revisions().size());
        assertFalse(history().list(name, 0, "").nextPageToken().isEmpty());
        assertEquals(51, history().list(name, 500, "").revisions().size());
    }

    @Test
    void listingRevisionsCostsTheSameStatementsForFewAndMany() {
        String few = records.get(Kind.PERSON);
        String many = others.get(Kind.PERSON);
        correct(many, 30);

        assertEquals(statementsToList(few, 1), statementsToList(many, 31));
    }

    private long statementsToList(String name, int revisions) {
        database.statistics().clear();
        assertEquals(revisions, history().list(name).size());
        return database.statistics().getPrepareStatementCount();
    }

    /** Corrects the person's description this many times, a revision each. */
    private void correct(String name, int times) {
        for (int i = 0; i < times; i++) {
            Person current = (Person) history().get(name);
            persons.updatePerson(UpdatePersonRequest.newBuilder().setPerson(current.toBuilder().setDescription("Note " + i))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("description")).setRequestId(requestId()).build());
        }
    }

    private Message restore(Kind kind, String name, String revisionId, String etag, String reason) {
        return history().restore(kind, name, revisionId, etag, reason, requestId());
    }

    private String revisionOf(String name) {
        return history().newest(name).revision().getRevisionId();
    }

    private String etag(String name) {
        return history().etag(name);
    }

    /** The refused call left no revision, no logged answer and every record as it was. */
    private void assertNothingStored(Executable refused) {
        long revisions = database.count("revision");
        long requests = database.count("request_log");
        List<Message> before = records.values().stream().map(history()::get).toList();
        try {
            refused.execute();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        assertEquals(revisions, database.count("revision"));
        assertEquals(requests, database.count("request_log"));
        assertEquals(before, records.values().stream().map(history()::get).toList());
    }
}
