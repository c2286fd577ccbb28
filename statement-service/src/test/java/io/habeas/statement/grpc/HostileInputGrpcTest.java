package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.habeas.common.v1.Source;
import io.habeas.statement.support.FakeDetention;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.support.testing.GrpcAssertions;
import io.habeas.support.testing.RawMethods;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile or careless client sends, through the real gRPC interface: each mistake is
 * INVALID_ARGUMENT naming its field and stores nothing, and one statement's work is bounded.
 */
@QuarkusTest
class HostileInputGrpcTest extends GrpcTest {
    @Inject
    EntityManager entityManager;

    record Case<T>(String what, UnaryOperator<T> change, String... fields) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Case<Actor.Builder>> actorsNoHumanWrote() {
        return Stream.of(
                new Case<>("NUL in the display name", a -> a.setDisplayName("Antony\u0000Blinken"), "actor.display_name"),
                new Case<>("only zero-width characters", a -> a.setDisplayName("\u200B\u2060\uFEFF"), "actor.display_name"),
                new Case<>("right-to-left override in the office", a -> a.setOffice("\u202EState"), "actor.office"),
                new Case<>("ESC in the organization", a -> a.setOrganization("\u001B[2JState"), "actor.organization"),
                new Case<>("a line break in the office", a -> a.setOffice("Secretary\nof State"), "actor.office"),
                new Case<>("301 characters of organization", a -> a.setOrganization("x".repeat(301)), "actor.organization"),
                new Case<>("BEL in a source's title", a -> a.setSources(0, Source.newBuilder().setPublisher("State")
                        .setTitle("Readout\u0007")), "actor.sources[0].title"));
    }

    static Stream<Case<Statement.Builder>> statementsNoHumanWrote() {
        return Stream.of(
                new Case<>("NUL in the title", s -> s.setTitle("Call\u0000readout"), "statement.title"),
                new Case<>("bidi isolate in the summary", s -> s.setSummary("He \u2066called\u2069"), "statement.summary"),
                new Case<>("BEL in the quoted text", s -> s.setQuotedText("We call\u0007"), "statement.quoted_text"),
                new Case<>("only spaces in the actor's office", s -> s.setActorOffice("\u3000\u00A0"), "statement.actor_office"),
                new Case<>("NUL in a claim's text", s -> s.setClaims(0, s.getClaims(0).toBuilder().setText("Release\u0000")),
                        "statement.claims[0].text"),
                new Case<>("4001 characters of claim", s -> s.setClaims(0, s.getClaims(0).toBuilder().setText("x".repeat(4001))),
                        "statement.claims[0].text"),
                new Case<>("51 claims", s -> {
                    for (int i = 1; i < 51; i++) {
                        s.addClaims(s.getClaims(0));
                    }
                    return s;
                }, "statement.claims"),
                new Case<>("ESC in a source's publisher", s -> s.setSources(0, Source.newBuilder().setPublisher("\u001BJAM")
                        .setTitle("t")), "statement.sources[0].publisher"));
    }

    private Statement.Builder aboutArmenia(String actor) {
        return statement(actor, date(2024, 4, 0), "Call readout")
                .addClaims(claim(ClaimKind.CLAIM_KIND_SUPPORT, "Support for Armenia's sovereignty").addSubjectCountries("AM"));
    }

    private void nothingStored(long actors) {
        assertEquals(actors, database.count("actor"));
        for (String table : List.of("statement", "claim", "claim_subject_person", "claim_country")) {
            assertEquals(0, database.count(table), table);
        }
        assertEquals(actors, database.count("request_log"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actorsNoHumanWrote")
    void refusesAnActorNoHumanWroteNamingTheField(Case<Actor.Builder> mistake) {
        failsOnFields(() -> createActor(mistake.change().apply(blinken())), mistake.fields());
        nothingStored(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementsNoHumanWrote")
    void refusesAStatementNoHumanWroteNamingTheField(Case<Statement.Builder> mistake) {
        String actor = createActor(blinken()).getName();
        failsOnFields(() -> createStatement(mistake.change().apply(aboutArmenia(actor))), mistake.fields());
        nothingStored(1);
    }

    @Test
    void storesWrittenTextInNfcWithItsLineBreaks() {
        Actor stored = createActor(actor("Nasrin Sotoudeh\u200F", ActorKind.ACTOR_KIND_LAWYER, "IR").setOffice("Avoca\u0301t"));
        assertEquals("Avocát", stored.getOffice());
        Statement said = createStatement(aboutArmenia(stored.getName()).setQuotedText("We stand\n\twith Armenia 🇦🇲")
                .setSummary("محمد\u200Cرضا said so"));
        assertEquals("We stand\n\twith Armenia 🇦🇲", said.getQuotedText());
    }

    @Test
    void refusesARetractionReasonNoHumanWrote() {
        Statement said = createStatement(aboutArmenia(createActor(blinken()).getName()));
        failsOnFields(() -> statements.retractStatement(RetractStatementRequest.newBuilder().setName(said.getName())
                .setEtag(said.getEtag()).setReason("\u202Eerror").setRequestId(requestId()).build()), "reason");
        assertEquals(1, database.count("statement WHERE state = 'ACTIVE'"));
    }

    @Test
    void aStatementNamesAtMostOneHundredDistinctPersonsAndIsRefusedBeforeAnyoneIsAsked() {
        String actor = createActor(blinken()).getName();
        Statement.Builder crowded = statement(actor, date(2024, 4, 0), "Call readout");
        for (int c = 0; c < 3; c++) {
            var call = claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for their release");
            for (int p = 0; p < 34; p++) {
                call.addSubjectPersons(detention.knownPerson());
            }
            crowded.addClaims(call);
        }
        // 102 distinct persons: the 101st is the third claim's 33rd subject.
        failsOnFields(() -> createStatement(crowded), "statement.claims[2].subject_persons[32]");
        assertEquals(0, detention.calls(), "nobody asked about a statement refused");
        nothingStored(1);

        crowded.setClaims(2, crowded.getClaims(2).toBuilder().clearSubjectPersons()
                .addAllSubjectPersons(crowded.getClaims(2).getSubjectPersonsList().subList(0, 32))
                .addSubjectPersons(crowded.getClaims(0).getSubjectPersons(0)));
        Statement stored = createStatement(crowded);
        assertEquals(100, stored.getClaimsList().stream().flatMap(c -> c.getSubjectPersonsList().stream()).distinct().count());
        assertEquals(1, detention.calls(), "one hundred persons, one batched call");
    }

    /** While detention-service is slow the write holds no database connection: it asks before its transaction. */
    @Test
    void aSlowPersonCheckHoldsNoTransactionOpen() throws Exception {
        String actor = createActor(blinken()).getName();
        String person = detention.knownPerson();
        detention.mode(FakeDetention.Mode.SLOW);
        CompletableFuture<Status.Code> write = CompletableFuture.supplyAsync(() -> {
            try {
                createStatement(aboutArmenia(actor).setClaims(0, claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release him")
                        .addSubjectPersons(person)));
                return Status.Code.OK;
            } catch (StatusRuntimeException e) {
                return e.getStatus().getCode();
            }
        });
        Thread.sleep(800);
        assertEquals(0L, openTransactions(), "a connection idles in a transaction while detention-service is asked");
        assertEquals(Status.Code.UNAVAILABLE, write.join());
        nothingStored(1);
    }

    @Test
    void refusesAStringThatIsNotUtf8NamingTheField() {
        byte[] bytes = CreateActorRequest.newBuilder().setRequestId(requestId())
                .setActor(blinken().setOffice("Secretary @@@")).build().toByteArray();
        byte[] loneSurrogate = RawMethods.overwrite(bytes, "@@@", new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80});
        StatusRuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> ClientCalls.blockingUnaryCall(actors.getChannel(), RawMethods.of(ActorServiceGrpc.getCreateActorMethod()), CallOptions.DEFAULT, loneSurrogate));
        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode(), failure.getStatus().toString());
        assertEquals("actor.office", GrpcAssertions.detail(StatusProto.fromThrowable(failure), com.google.rpc.BadRequest.class)
                .getFieldViolations(0).getField());
        nothingStored(0);
    }

    @Test
    void aSpoofStoredBeforeTheTextRuleNeverTiesWithTheRealActor() {
        Actor real = createActor(blinken());
        Actor spoof = createActor(actor("Antony J. Blinkin", ActorKind.ACTOR_KIND_OFFICIAL, "US"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE actor SET display_name = :n, search_names = :n WHERE id = CAST(:id AS uuid)")
                .setParameter("n", "Antony J. Bli\u200Bnken").setParameter("id", spoof.getName().substring("actors/".length()))
                .executeUpdate());
        var matches = actors.searchActors(io.habeas.statement.v1.SearchActorsRequest.newBuilder()
                .setQuery("Antony J. Blinken").build()).getMatchesList();
        assertEquals(real.getName(), matches.get(0).getActor().getName());
        assertTrue(matches.stream().skip(1).allMatch(m -> m.getScore() < matches.get(0).getScore()), matches.toString());
    }

    private long openTransactions() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND state LIKE 'idle in transaction%'").getSingleResult()).longValue());
    }
}
