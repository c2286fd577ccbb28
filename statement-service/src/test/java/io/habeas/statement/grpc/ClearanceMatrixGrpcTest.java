package io.habeas.statement.grpc;

import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.PartialDate;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.ClearanceGrpcTest;
import io.habeas.statement.support.FakeDetention;
import io.habeas.statement.support.Fixtures;
import io.habeas.statement.v1.*;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every read RPC, as each role and without a token, over data at every level (see
 * {@link ClearanceGrpcTest}): exactly what comes back, sources, answers, counts and callers included.
 */
@QuarkusTest
class ClearanceMatrixGrpcTest extends ClearanceGrpcTest {
    private static final String NF = "NOT_FOUND";

    /** What each read answers: for a viewer, an analyst (and a recorder, who reads as much), an admin. */
    private Map<String, String[]> expected() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put("GetActor usPublic", new String[] {"usPublic sources=1", "usPublic sources=1", "usPublic sources=2"});
        rows.put("GetActor ngoRestricted", new String[] {NF, "ngoRestricted sources=1", "ngoRestricted sources=1"});
        rows.put("GetActor secretConf", new String[] {NF, NF, "secretConf sources=1"});
        rows.put("GetActor detainee", new String[] {NF, NF, "detainee sources=1"});
        rows.put("ListActors", new String[] {"usPublic", "usPublic,ngoRestricted", "usPublic,ngoRestricted,secretConf,detainee"});
        rows.put("SearchActors", new String[] {"usPublic", "usPublic,ngoRestricted", "usPublic,ngoRestricted,secretConf,detainee"});
        rows.put("GetStatement S1", new String[] {"S1 sources=1 answeredBy=S7", "S1 sources=1 answeredBy=S7",
                "S1 sources=2 answeredBy=S3,S7"});
        rows.put("GetStatement S2", new String[] {NF, NF, "S2 sources=1 answeredBy="});
        rows.put("GetStatement S3", new String[] {NF, NF, "S3 sources=1 answeredBy="});
        rows.put("GetStatement S4", new String[] {NF, "S4 sources=1 answeredBy=S6", "S4 sources=1 answeredBy=S6"});
        rows.put("GetStatement S5", new String[] {NF, NF, "S5 sources=1 answeredBy="});
        rows.put("GetStatement S6", new String[] {NF, "S6 sources=1 answeredBy=", "S6 sources=1 answeredBy="});
        rows.put("GetStatement S7", new String[] {"S7 sources=1 answeredBy=", "S7 sources=1 answeredBy=",
                "S7 sources=1 answeredBy="});
        rows.put("ListStatements", new String[] {"S7,S1", "S7,S6,S4,S1", "S7,S6,S5,S4,S3,S2,S1"});
        rows.put("ListStatements actor=secretConf", new String[] {"", "", "S3"});
        rows.put("ListStatements actor=detainee", new String[] {"", "", "S5"});
        rows.put("ListStatements subject_person=pRes", new String[] {"", "S4", "S4"});
        rows.put("ListStatements subject_person=pConf", new String[] {"", "", "S2"});
        rows.put("ListPersonClaims pPub", new String[] {"S1", "S1,S4", "S1,S2,S3,S4"});
        rows.put("ListPersonClaims pRes", new String[] {"", "S4", "S4"});
        rows.put("ListPersonClaims pConf", new String[] {"", "", "S2"});
        rows.put("ListClaimsAboutPersons pPub,pConf", new String[] {"S1", "S1,S4", "S1,S2,S3,S4"});
        rows.put("ListCountryClaims AZ", new String[] {"S1,S7", "S1,S4,S6,S7", "S1,S2,S3,S4,S5,S6,S7"});
        rows.put("ListCountryStatements US", new String[] {"S1,S7", "S1,S6,S7", "S1,S2,S6,S7"});
        rows.put("ListCountryStatements AZ", new String[] {"", "", "S3,S5"});
        String pubViewer = "1 from 2024-01-01 to 2024-01-01 by usPublic:1";
        String pubAnalyst = "2 from 2024-01-01 to 2024-04-01 by ngoRestricted:1,usPublic:1";
        String pubAdmin = "4 from 2024-01-01 to 2024-04-01 by usPublic:2,ngoRestricted:1,secretConf:1";
        String res = "1 from 2024-04-01 to 2024-04-01 by ngoRestricted:1";
        String conf = "1 from 2024-02-01 to 2024-02-01 by usPublic:1";
        rows.put("GetReleaseCallSummary pPub", new String[] {pubViewer, pubAnalyst, pubAdmin});
        rows.put("GetReleaseCallSummary pRes", new String[] {"0", res, res});
        rows.put("GetReleaseCallSummary pConf", new String[] {"0", "0", conf});
        rows.put("BatchGetReleaseCallSummaries", new String[] {"pPub " + pubViewer + "; pRes 0; pConf 0",
                "pPub " + pubAnalyst + "; pRes " + res + "; pConf 0", "pPub " + pubAdmin + "; pRes " + res + "; pConf " + conf});
        return rows;
    }

    @Test
    void eachRoleReadsExactlyWhatItsClearanceAndThePersonsItMaySeeAllow() {
        Map<Role, Integer> column = Map.of(Role.VIEWER, 0, Role.ANALYST, 1, Role.RECORDER, 1, Role.ADMIN, 2);
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER, Role.ADMIN)) {
            Map<String, String> want = new LinkedHashMap<>();
            expected().forEach((read, answers) -> want.put(read, answers[column.get(role)]));
            assertEquals(want, readEverything(actorsAs(role), statementsAs(role)), role.name());
        }
    }

    @Test
    void withoutATokenEveryReadIsUnauthenticated() {
        Map<String, String> want = new LinkedHashMap<>();
        expected().keySet().forEach(read -> want.put(read, "UNAUTHENTICATED"));
        int calls = detention.calls();
        assertEquals(want, readEverything(actorsWithoutToken(), statementsWithoutToken()));
        assertEquals(calls, detention.calls(), "nothing is asked for a caller refused at the door");
    }

    @Test
    void shortPagesStillWalkEverythingVisibleOnce() {
        List<String> walked = new ArrayList<>();
        int emptyPages = 0;
        var page = ListCountryClaimsRequest.newBuilder().setCountry("AZ").setPageSize(1);
        do {
            var response = statementsAs(Role.VIEWER).listCountryClaims(page.build());
            response.getItemsList().forEach(item -> walked.add(label(item.getStatement().getName())));
            emptyPages += response.getItemsCount() == 0 ? 1 : 0;
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());
        assertEquals(List.of("S1", "S7"), walked);
        assertTrue(emptyPages > 0, "S2 and S5 pass the level filter and leave their pages empty");

        List<String> actors = new ArrayList<>();
        var actorPage = ListActorsRequest.newBuilder().setPageSize(1);
        do {
            var response = actorsAs(Role.VIEWER).listActors(actorPage.build());
            response.getActorsList().forEach(a -> actors.add(label(a.getName())));
            actorPage.setPageToken(response.getNextPageToken());
        } while (!actorPage.getPageToken().isEmpty());
        assertEquals(List.of("usPublic"), actors);
    }

    @Test
    void aPageTokenServesOnlyTheCallerItWasIssuedTo() {
        var first = ListStatementsRequest.newBuilder().setPageSize(1);
        String token = statementsAs(Role.ANALYST).listStatements(first.build()).getNextPageToken();
        assertEquals(List.of(s6.getName()), statementsAs(Role.ANALYST).listStatements(first.setPageToken(token).build())
                .getStatementsList().stream().map(Statement::getName).toList());
        failsOnFields(() -> statementsAs(Role.VIEWER).listStatements(first.setPageToken(token).build()), "page_token");
        failsOnFields(() -> statementsAs(Role.ADMIN).listStatements(first.setPageToken(token).build()), "page_token");

        var feed = ListPersonClaimsRequest.newBuilder().setPerson(pPub).setPageSize(1);
        String feedToken = statementsAs(Role.ADMIN).listPersonClaims(feed.build()).getNextPageToken();
        failsOnFields(() -> statementsAs(Role.RECORDER).listPersonClaims(feed.setPageToken(feedToken).build()), "page_token");
        String searchToken = actorsAs(Role.ADMIN).searchActors(SearchActorsRequest.newBuilder().setQuery("Coalition")
                .setPageSize(1).build()).getNextPageToken();
        failsOnFields(() -> actorsAs(Role.ANALYST).searchActors(SearchActorsRequest.newBuilder().setQuery("Coalition")
                .setPageSize(1).setPageToken(searchToken).build()), "page_token");
    }

    @Test
    void whenDetentionServiceCannotAnswerReadsNamingPersonsFailClosed() {
        Statement noPersons = createStatement(Fixtures.statement(usPublic.getName(), Fixtures.date(2024, 8, 1), "S8")
                .addClaims(Fixtures.claim(ClaimKind.CLAIM_KIND_SUPPORT, "Support").addSubjectCountries("AM")));
        for (FakeDetention.Mode mode : List.of(FakeDetention.Mode.UNAVAILABLE, FakeDetention.Mode.REFUSE_TOKEN)) {
            detention.mode(mode);
            assertUnavailable(noPersons);
        }
        detention.mode(FakeDetention.Mode.SERVE);
        detention.stop();
        try {
            assertUnavailable(noPersons);
        } finally {
            detention.start();
            awaitDetentionReachable();
        }
        detention.mode(FakeDetention.Mode.SLOW);
        long started = System.nanoTime();
        fails(Status.Code.UNAVAILABLE, () -> statementsAs(Role.VIEWER).getStatement(GetStatementRequest.newBuilder()
                .setName(s1.getName()).build()));
        assertTrue((System.nanoTime() - started) / 1_000_000 < FakeDetention.SLOW_MILLIS - 1000, "within the deadline");
    }

    private void assertUnavailable(Statement noPersons) {
        var statements = statementsAs(Role.VIEWER);
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("GetStatement", outcome(() -> statements.getStatement(GetStatementRequest.newBuilder().setName(s1.getName())
                .build()).getStatement().getName()));
        seen.put("ListStatements", outcome(() -> names(statements.listStatements(ListStatementsRequest.getDefaultInstance())
                .getStatementsList().stream().map(Statement::getName))));
        seen.put("ListPersonClaims", outcome(() -> names(statements.listPersonClaims(ListPersonClaimsRequest.newBuilder()
                .setPerson(pPub).build()).getItemsList().stream().map(ClaimItem::getClaim))));
        seen.put("ListCountryClaims", outcome(() -> names(statements.listCountryClaims(ListCountryClaimsRequest.newBuilder()
                .setCountry("AZ").build()).getItemsList().stream().map(ClaimItem::getClaim))));
        seen.put("GetReleaseCallSummary", outcome(() -> "" + statements.getReleaseCallSummary(GetReleaseCallSummaryRequest
                .newBuilder().setPerson(pPub).build()).getCallCount()));
        seen.put("ListActors", outcome(() -> names(actorsAs(Role.VIEWER).listActors(ListActorsRequest.getDefaultInstance())
                .getActorsList().stream().map(Actor::getName))));
        seen.put("GetActor detainee", outcome(() -> actorsAs(Role.VIEWER).getActor(GetActorRequest.newBuilder()
                .setName(detainee.getName()).build()).getActor().getName()));
        seen.values().forEach(outcome -> assertEquals("UNAVAILABLE", outcome, seen.toString()));
        assertEquals(noPersons, statements.getStatement(GetStatementRequest.newBuilder().setName(noPersons.getName()).build())
                .getStatement(), "a statement that names no person, nor answers one that does, needs no answer");
    }

    private Map<String, String> readEverything(ActorServiceGrpc.ActorServiceBlockingStub actors,
            StatementServiceGrpc.StatementServiceBlockingStub statements) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Actor actor : List.of(usPublic, ngoRestricted, secretConf, detainee)) {
            seen.put("GetActor " + label(actor.getName()), outcome(() -> describe(actors.getActor(GetActorRequest.newBuilder()
                    .setName(actor.getName()).build()).getActor())));
        }
        seen.put("ListActors", outcome(() -> actors.listActors(ListActorsRequest.getDefaultInstance()).getActorsList()
                .stream().map(a -> label(a.getName())).collect(Collectors.joining(","))));
        seen.put("SearchActors", outcome(() -> names(actors.searchActors(SearchActorsRequest.newBuilder()
                .setQuery("Coalition").build()).getMatchesList().stream().map(m -> m.getActor().getName()))));
        for (Statement s : List.of(s1, s2, s3, s4, s5, s6, s7)) {
            seen.put("GetStatement " + label(s.getName()), outcome(() -> describe(statements.getStatement(
                    GetStatementRequest.newBuilder().setName(s.getName()).build()).getStatement())));
        }
        seen.put("ListStatements", list(statements, ListStatementsRequest.newBuilder()));
        seen.put("ListStatements actor=secretConf", list(statements, ListStatementsRequest.newBuilder().setActor(secretConf.getName())));
        seen.put("ListStatements actor=detainee", list(statements, ListStatementsRequest.newBuilder().setActor(detainee.getName())));
        seen.put("ListStatements subject_person=pRes", list(statements, ListStatementsRequest.newBuilder().setSubjectPerson(pRes)));
        seen.put("ListStatements subject_person=pConf", list(statements, ListStatementsRequest.newBuilder().setSubjectPerson(pConf)));
        for (String person : List.of(pPub, pRes, pConf)) {
            seen.put("ListPersonClaims " + label(person), outcome(() -> names(statements.listPersonClaims(
                    ListPersonClaimsRequest.newBuilder().setPerson(person).build()).getItemsList().stream().map(ClaimItem::getClaim))));
        }
        seen.put("ListClaimsAboutPersons pPub,pConf", outcome(() -> names(statements.listClaimsAboutPersons(
                ListClaimsAboutPersonsRequest.newBuilder().addPersons(pPub).addPersons(pConf).build()).getItemsList().stream()
                .map(ClaimItem::getClaim))));
        seen.put("ListCountryClaims AZ", outcome(() -> names(statements.listCountryClaims(ListCountryClaimsRequest.newBuilder()
                .setCountry("AZ").build()).getItemsList().stream().map(ClaimItem::getClaim))));
        for (String country : List.of("US", "AZ")) {
            seen.put("ListCountryStatements " + country, outcome(() -> names(statements.listCountryStatements(
                    ListCountryStatementsRequest.newBuilder().setCountry(country).build()).getStatementsList().stream()
                    .map(Statement::getName))));
        }
        for (String person : List.of(pPub, pRes, pConf)) {
            seen.put("GetReleaseCallSummary " + label(person), outcome(() -> {
                var r = statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(person).build());
                return summary(r.getCallCount(), r.getFirstCallDate(), r.getLatestCallDate(), r.getCallersList());
            }));
        }
        seen.put("BatchGetReleaseCallSummaries", outcome(() -> statements.batchGetReleaseCallSummaries(
                BatchGetReleaseCallSummariesRequest.newBuilder().addPersons(pPub).addPersons(pRes).addPersons(pConf).build())
                .getSummariesList().stream().map(r -> label(r.getPerson()) + " " + summary(r.getCallCount(),
                        r.getFirstCallDate(), r.getLatestCallDate(), r.getCallersList())).collect(Collectors.joining("; "))));
        return seen;
    }

    private String list(StatementServiceGrpc.StatementServiceBlockingStub statements, ListStatementsRequest.Builder request) {
        return outcome(() -> names(statements.listStatements(request.build()).getStatementsList().stream()
                .map(Statement::getName)));
    }

    private String describe(Actor actor) {
        return label(actor.getName()) + " sources=" + actor.getSourcesCount();
    }

    private String describe(Statement s) {
        return label(s.getName()) + " sources=" + s.getSourcesCount() + " answeredBy="
                + names(s.getClaimsList().stream().flatMap(c -> c.getAnsweredByList().stream()));
    }

    private String summary(int count, PartialDate first, PartialDate latest, List<CallerCount> callers) {
        if (count == 0) {
            return callers.isEmpty() && first.getYear() == 0 ? "0" : "0 with " + first + callers;
        }
        return count + " from " + day(first) + " to " + day(latest) + " by " + callers.stream()
                .map(c -> label(c.getActor()) + ":" + c.getCallCount()).collect(Collectors.joining(","));
    }

    private static String day(PartialDate date) {
        return String.format("%d-%02d-%02d", date.getYear(), date.getMonth(), date.getDay());
    }

    private String names(Stream<String> names) {
        return names.map(this::label).collect(Collectors.joining(","));
    }

    private static String outcome(Supplier<String> read) {
        try {
            return read.get();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode().name();
        }
    }
}
