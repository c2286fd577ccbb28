package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.detention.v1.*;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.StatementName;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorRevision;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET .../history for every kind of record: each role sees the revisions its clearance reads (the
 * fakes answer every level, as a backend that failed to filter would), only admins see who made a
 * change, pages walk every shown revision once, and a record the caller may not see is a 404 exactly
 * as an unknown one.
 */
@QuarkusTest
class HistoryTest extends GatewayTest {

    static final String DETENTION_ID = id(DetentionName.class, "1").toString();
    static final String EVENT_ID = id(CustodyEventName.class, "arrest").toString();
    static final String CHARGE_ID = id(ChargeName.class, "204").toString();
    static final String STATEMENT_ID = id(StatementName.class, "call").toString();
    static final String ACTOR_ID = id(ActorName.class, "blinken").toString();

    static final List<String> KINDS = List.of("person", "detention", "custody event", "charge", "statement", "actor");

    static String path(String kind) {
        return switch (kind) {
            case "person" -> "/api/v1/persons/" + id("ibadoglu") + "/history";
            case "detention" -> "/api/v1/detentions/" + DETENTION_ID + "/history";
            case "custody event" -> "/api/v1/detentions/" + DETENTION_ID + "/custody-events/" + EVENT_ID + "/history";
            case "charge" -> "/api/v1/detentions/" + DETENTION_ID + "/charges/" + CHARGE_ID + "/history";
            case "statement" -> "/api/v1/statements/" + STATEMENT_ID + "/history";
            case "actor" -> "/api/v1/actors/" + ACTOR_ID + "/history";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static String recordId(String kind) {
        String p = path(kind);
        String[] parts = p.split("/");
        return parts[parts.length - 2];
    }

    /** Three revisions, newest first: a public correction, a confidential reclassification, a restricted creation. */
    static List<Revision> threeRevisions() {
        return List.of(revision("r3", RevisionAction.REVISION_ACTION_UPDATED, PUBLIC, "2024-05-01T10:00:00Z"),
                revision("r2", RevisionAction.REVISION_ACTION_RECLASSIFIED, CONFIDENTIAL, "2024-04-01T10:00:00Z"),
                revision("r1", RevisionAction.REVISION_ACTION_CREATED, RESTRICTED, "2023-07-24T08:30:00.250Z"));
    }

    /** The record of this kind, at this level, with a public and a confidential source, and its revisions, in the fakes. */
    static void seed(String kind, AccessLevel level, List<Revision> revisions, boolean record, boolean history) {
        Message current = switch (kind) {
            case "person" -> person(PERSON, "Gubad Ibadoglu", level).toBuilder().addSources(secretSource()).build();
            case "detention" -> detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                    true, 300, level).toBuilder().addSources(secretSource()).build();
            case "custody event" -> CustodyEvent.newBuilder().setName(custodyEventName("1", "arrest"))
                    .setType(CustodyEventType.CUSTODY_EVENT_TYPE_ARREST).setOccurredOn(d("2023-07-23")).setPlace("Baku")
                    .setResultingStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY).setAccessLevel(level)
                    .addSources(source("Arrest")).addSources(secretSource()).build();
            case "charge" -> charge(chargeName("1", "204"), "204.3.1", "2023-07").toBuilder().setAccessLevel(level)
                    .setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                    .addStatusHistory(ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                            .setEffectiveOn(d("2024-01")).setNote("Verdict")
                            .setSentenceTerm(SentenceTerm.newBuilder().setYears(5).setMonths(6))
                            .addSources(source("Verdict report")).addSources(secretSource()))
                    .addSources(secretSource()).build();
            case "statement" -> claim(statementName("call"), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                    List.of("AZ"), "AZ", level).getStatement().toBuilder().addSources(secretSource()).build();
            case "actor" -> Actor.newBuilder().setName(actorName("blinken")).setDisplayName("Antony J. Blinken")
                    .setKind(ActorKind.ACTOR_KIND_OFFICIAL).setOffice("Secretary of State").setCountry("US")
                    .setAccessLevel(level).addSources(source("State Department")).addSources(secretSource()).build();
            default -> throw new IllegalArgumentException(kind);
        };
        String name = (String) current.getField(current.getDescriptorForType().findFieldByName("name"));
        if (record) {
            if (current instanceof Person p) {
                Backends.persons.add(p);
            } else if (current instanceof Detention d) {
                Backends.detentions.add(d);
            } else {
                Backends.records.put(name, current);
            }
        }
        if (history) {
            Backends.revisions.put(name, revisions.stream().map(r -> revisionOf(current, r)).toList());
        }
    }

    /** The revision message of the record's kind, its snapshot the record itself. */
    static Message revisionOf(Message record, Revision r) {
        if (record instanceof Person p) {
            return PersonRevision.newBuilder().setRevision(r).setPerson(p).build();
        } else if (record instanceof Detention d) {
            return DetentionRevision.newBuilder().setRevision(r).setDetention(d).build();
        } else if (record instanceof CustodyEvent e) {
            return CustodyEventRevision.newBuilder().setRevision(r).setCustodyEvent(e).build();
        } else if (record instanceof Charge c) {
            return ChargeRevision.newBuilder().setRevision(r).setCharge(c).build();
        } else if (record instanceof Statement s) {
            return StatementRevision.newBuilder().setRevision(r).setStatement(s).build();
        }
        return ActorRevision.newBuilder().setRevision(r).setActor((Actor) record).build();
    }

    static Stream<Arguments> kindsAndRoles() {
        return KINDS.stream().flatMap(kind -> Stream.of(Role.values()).map(role -> Arguments.of(kind, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("kindsAndRoles")
    void eachRoleSeesTheRevisionsItClearsAndOnlyAdminsWhoMadeEach(String kind, Role role) {
        seed(kind, PUBLIC, threeRevisions(), true, true);
        callAs(TestTokens.of(role));
        List<String> seen = role == Role.VIEWER ? List.of("r3") : role == Role.ADMIN ? List.of("r3", "r2", "r1")
                : List.of("r3", "r1");
        Response response = given().get(path(kind));
        response.then().statusCode(200).contentType("application/json")
                .body("revisions.revisionId", contains(seen.toArray()))
                .body("revisions[0].action", is("updated"))
                .body("revisions[0].accessLevel", is("public"))
                .body("revisions[0].createTime", is("2024-05-01T10:00:00Z"))
                .body("revisions[0].reason", nullValue())
                .body("revisions[0].restoredRevisionId", nullValue())
                .body("revisions.record.id", everyItem(is(recordId(kind))))
                .body("nextCursor", nullValue())
                .body(not(containsString("request-r")));
        String body = response.asString();
        if (role == Role.ADMIN) {
            response.then().body("revisions.principal", contains("recorder-r3@habeas.test", "recorder-r2@habeas.test",
                    "recorder-r1@habeas.test"))
                    .body("revisions[1].action", is("reclassified")).body("revisions[1].accessLevel", is("confidential"))
                    .body("revisions[2].createTime", is("2023-07-24T08:30:00.250Z"));
            assertTrue(body.contains("Secret note"), body);
        } else {
            assertTrue(!body.contains("principal") && !body.contains("recorder-r"), body);
            assertTrue(!body.contains("Secret note"), body);
        }
        if (role == Role.ANALYST || role == Role.RECORDER) {
            response.then().body("revisions[1].action", is("created")).body("revisions[1].accessLevel", is("restricted"));
        }
    }

    private static String notFound(String path) {
        return sameForAnyTrace(given().get(path).then().statusCode(404).contentType("application/problem+json")
                .extract().asString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "person", "detention", "custody event", "charge", "statement", "actor" })
    void aHiddenRecordsHistoryIsAnUnknownOnes(String kind) {
        callAs(TestTokens.of(Role.VIEWER));
        String unknown = notFound(path(kind));

        // above the viewer's clearance, from a backend that did not filter it: the gateway's own check
        seed(kind, RESTRICTED, List.of(revision("r1", RevisionAction.REVISION_ACTION_CREATED, PUBLIC,
                "2024-05-01T10:00:00Z")), true, true);
        assertEquals(unknown, notFound(path(kind)));

        // the record shown but its revisions NOT_FOUND, and the other way round
        Backends.reset();
        callAs(TestTokens.of(Role.VIEWER));
        seed(kind, PUBLIC, threeRevisions(), true, false);
        assertEquals(unknown, notFound(path(kind)));
        Backends.reset();
        callAs(TestTokens.of(Role.VIEWER));
        seed(kind, PUBLIC, threeRevisions(), false, true);
        assertEquals(unknown, notFound(path(kind)));
    }

    @Test
    void pagesWalkEveryShownRevisionOnceNewestFirst() {
        List<Revision> revisions = new ArrayList<>();
        List<String> publicOnes = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 60; i >= 1; i--) {
            AccessLevel level = i % 2 == 0 ? PUBLIC : CONFIDENTIAL;
            revisions.add(revision("r" + i, RevisionAction.REVISION_ACTION_UPDATED, level, "2024-05-01T10:00:00Z"));
            all.add("r" + i);
            if (level == PUBLIC) {
                publicOnes.add("r" + i);
            }
        }
        seed("detention", PUBLIC, revisions, true, true);

        callAs(TestTokens.of(Role.VIEWER));
        assertEquals(publicOnes, walk(path("detention"), 7));
        callAs(TestTokens.of(Role.ADMIN));
        assertEquals(all, walk(path("detention"), 50));
        given().get(path("detention")).then().statusCode(200).body("revisions", hasSize(20));
        // the backend's page size is the server's, whatever the client asks
        assertEquals(List.of("ListDetentionRevisions=50"), Backends.pageSizes.stream().distinct().toList());
    }

    /** Every page of a history, each at most pageSize long; the ids in order. */
    private static List<String> walk(String path, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("pageSize", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path);
            page.then().statusCode(200);
            List<String> got = page.jsonPath().getList("revisions.revisionId");
            assertTrue(got.size() <= pageSize, got.toString());
            ids.addAll(got);
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void aCursorServesOnlyItsRecordAndItsCaller() {
        List<Revision> revisions = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            revisions.add(revision("r" + i, RevisionAction.REVISION_ACTION_UPDATED, PUBLIC, "2024-05-01T10:00:00Z"));
        }
        seed("detention", PUBLIC, revisions, true, true);
        seed("charge", PUBLIC, revisions, true, true);
        String cursor = given().queryParam("pageSize", 2).get(path("detention")).then().statusCode(200)
                .extract().path("nextCursor");
        given().queryParam("pageSize", 2).queryParam("cursor", cursor).get(path("detention")).then().statusCode(200)
                .body("revisions.revisionId", contains("r3", "r2"));

        int calls = Backends.calls.size();
        given().queryParam("cursor", cursor).get(path("charge")).then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams.name", contains("cursor"));
        callAs(TestTokens.of(Role.VIEWER));
        given().queryParam("cursor", cursor).get(path("detention")).then().statusCode(400)
                .body("invalidParams.name", contains("cursor"));
        callAs(TestTokens.withGroups("someone-else@habeas.test", Role.ANALYST.claim()));
        given().queryParam("cursor", cursor).get(path("detention")).then().statusCode(400)
                .body("invalidParams.name", contains("cursor"));
        assertEquals(calls, Backends.calls.size(), "a refused cursor reached a backend");
    }

    static Stream<Arguments> badIds() {
        String bad = "not-a-uuid";
        return Stream.of(
                Arguments.of("/api/v1/persons/" + bad + "/history", "personId"),
                Arguments.of("/api/v1/detentions/" + bad + "/history", "detentionId"),
                Arguments.of("/api/v1/detentions/" + bad + "/custody-events/" + EVENT_ID + "/history", "detentionId"),
                Arguments.of("/api/v1/detentions/" + DETENTION_ID + "/custody-events/" + bad + "/history", "eventId"),
                Arguments.of("/api/v1/detentions/" + bad + "/charges/" + CHARGE_ID + "/history", "detentionId"),
                Arguments.of("/api/v1/detentions/" + DETENTION_ID + "/charges/" + bad + "/history", "chargeId"),
                Arguments.of("/api/v1/detentions/" + DETENTION_ID + "/charges/" + DETENTION_ID + "x/history", "chargeId"),
                Arguments.of("/api/v1/statements/" + bad + "/history", "statementId"),
                Arguments.of("/api/v1/statements/%20/history", "statementId"),
                Arguments.of("/api/v1/actors/" + bad + "/history", "actorId"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badIds")
    void aBadIdIs400NamingItsParameterAndCallsNoBackend(String path, String param) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", contains(param))
                .body(not(containsString("not-a-uuid")));
        assertEquals(List.of(), Backends.calls);
    }

    @ParameterizedTest
    @ValueSource(strings = { "person", "detention", "custody event", "charge", "statement", "actor" })
    void pageSizesOutsideOneToFiftyAre400(String kind) {
        for (String size : List.of("0", "51", "-1", "x")) {
            given().queryParam("pageSize", size).get(path(kind)).then().statusCode(400)
                    .body("invalidParams.name", contains("pageSize"));
        }
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void aStatementsClaimsNameOnlyPersonsThatMayBeShown() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(person(personName("other"), "Other Person", PUBLIC));
        Backends.persons.add(retracted(person(personName("retracted"), "Entered In Error", PUBLIC)));
        Backends.persons.add(person(personName("secret"), "Secret Person", CONFIDENTIAL));
        Statement s = claim(statementName("call"), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                List.of("AZ"), "AZ", PUBLIC).getStatement();
        Claim named = s.getClaims(0).toBuilder().addSubjectPersons(personName("retracted"))
                .addSubjectPersons(personName("unknown")).addSubjectPersons(personName("secret"))
                .addSubjectPersons(personName("other")).build();
        Claim dropped = named.toBuilder().setName(ClaimName.of(StatementName.parse(s.getName(), "name"),
                id(ClaimName.class, "dropped")).toString()).setAnswers(s.getClaims(0).getName()).build();
        s = s.toBuilder().setClaims(0, named).addRetractedClaims(dropped).build();
        Backends.records.put(s.getName(), s);
        Backends.revisions.put(s.getName(), List.of(StatementRevision.newBuilder()
                .setRevision(revision("r1", RevisionAction.REVISION_ACTION_CREATED, PUBLIC, "2024-04-28T12:00:00Z"))
                .setStatement(s).build()));

        given().get(path("statement")).then().statusCode(200)
                .body("revisions[0].record.actorId", is(ACTOR_ID))
                .body("revisions[0].record.madeOn.label", is("April 2024"))
                .body("revisions[0].record.claims[0].kind", is("call_for_release"))
                .body("revisions[0].record.claims[0].subjectPersonIds", contains(id("ibadoglu"), id("other")))
                .body("revisions[0].record.claims[0].subjectCountries", contains("AZ"))
                .body("revisions[0].record.retractedClaims[0].subjectPersonIds", contains(id("ibadoglu"), id("other")))
                .body("revisions[0].record.retractedClaims[0].answers", is(s.getClaims(0).getName()))
                .body(not(containsString(id("retracted")))).body(not(containsString(id("unknown"))))
                .body(not(containsString(id("secret"))));
    }

    @Test
    void aRetractedPersonKeepsItsHistory() {
        Backends.persons.add(retracted(person(PERSON, "Gubad Ibadoglu", PUBLIC)));
        Backends.revisions.put(PERSON, List.of(
                PersonRevision.newBuilder().setRevision(revision("r2", RevisionAction.REVISION_ACTION_RETRACTED, PUBLIC,
                        "2024-06-01T00:00:00Z")).setPerson(Backends.persons.get(0)).build(),
                PersonRevision.newBuilder().setRevision(revision("r1", RevisionAction.REVISION_ACTION_CREATED, PUBLIC,
                        "2024-01-01T00:00:00Z")).setPerson(person(PERSON, "Gubad Ibadoglu", PUBLIC)).build()));

        given().get(path("person")).then().statusCode(200)
                .body("revisions.action", contains("retracted", "created"))
                .body("revisions[0].reason", is("Reason r2"))
                .body("revisions[0].record.state", is("retracted"))
                .body("revisions[0].record.retractionReason", is("Entered in error"))
                .body("revisions[1].record.displayName", is("Gubad Ibadoglu"))
                .body("revisions[1].record.aliases[0].name", is("Qubad İbadoğlu"))
                .body("revisions[1].record.citizenships", contains("AZ"));
        // the profile and the timeline do not show it
        given().get("/api/v1/persons/" + id("ibadoglu")).then().statusCode(404);
    }

    @Test
    void snapshotsShowTheirRecordsFields() {
        for (String kind : KINDS) {
            seed(kind, PUBLIC, threeRevisions(), true, true);
        }
        callAs(TestTokens.of(Role.VIEWER));
        given().get(path("charge")).then().statusCode(200)
                .body("revisions[0].record.detentionId", is(DETENTION_ID))
                .body("revisions[0].record.articleReference", is("204.3.1"))
                .body("revisions[0].record.article.article", is("204"))
                .body("revisions[0].record.article.clause", is("1"))
                .body("revisions[0].record.article.subclause", nullValue())
                .body("revisions[0].record.article.structureSource", is("parsed"))
                .body("revisions[0].record.filedOn.label", is("July 2023"))
                .body("revisions[0].record.status", is("convicted"))
                .body("revisions[0].record.statusHistory[0].status", is("convicted"))
                .body("revisions[0].record.statusHistory[0].sentence.years", is(5))
                .body("revisions[0].record.statusHistory[0].sources.title", contains("Verdict report"))
                .body("revisions[0].record.accessLevel", is("public"));
        given().get(path("custody event")).then().statusCode(200)
                .body("revisions[0].record.detentionId", is(DETENTION_ID))
                .body("revisions[0].record.type", is("arrest"))
                .body("revisions[0].record.occurredOn.value", is("2023-07-23"))
                .body("revisions[0].record.resultingStatus", is("police_custody"))
                .body("revisions[0].record.sources.title", contains("Arrest"));
        given().get(path("detention")).then().statusCode(200)
                .body("revisions[0].record.personId", is(id("ibadoglu")))
                .body("revisions[0].record.start.label", is("July 2023"))
                .body("revisions[0].record.initialStatus", is("police_custody"))
                .body("revisions[0].record", not(hasKey("currentStatus")));
        given().get(path("actor")).then().statusCode(200)
                .body("revisions[0].record.kind", is("official"))
                .body("revisions[0].record.office", is("Secretary of State"))
                .body("revisions[0].record.personId", nullValue());
    }

    @Test
    void aBackendThatCannotAnswerIs503() {
        seed("detention", PUBLIC, threeRevisions(), true, true);
        Backends.detentionMode = Backends.Mode.DOWN;
        given().get(path("detention")).then().statusCode(503).contentType("application/problem+json");
        Backends.detentionMode = Backends.Mode.UP;
        Backends.statementMode = Backends.Mode.DOWN;
        assertNull(given().get(path("actor")).then().statusCode(503).extract().path("invalidParams"));
    }
}
