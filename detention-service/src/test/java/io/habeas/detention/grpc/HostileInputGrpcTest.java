package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.Alias;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.support.testing.RawMethods;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or careless client sends, through the real gRPC interface: each mistake is
 * INVALID_ARGUMENT naming its field and stores nothing; its well-formed neighbours are stored.
 */
@QuarkusTest
class HostileInputGrpcTest extends GrpcTest {
    @Inject
    EntityManager entityManager;

    record Case(String what, UnaryOperator<Person.Builder> change, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Case> personsNoHumanWrote() {
        return Stream.of(
                new Case("NUL in the display name", p -> p.setDisplayName("Gubad\u0000Ibadoglu"), "person.display_name"),
                new Case("BEL in the display name", p -> p.setDisplayName("Gubad\u0007"), "person.display_name"),
                new Case("ESC sequence in the display name", p -> p.setDisplayName("\u001B[31mGubad"), "person.display_name"),
                new Case("C1 control in the display name", p -> p.setDisplayName("Gubad\u0085Ibadoglu"), "person.display_name"),
                new Case("right-to-left override", p -> p.setDisplayName("\u202Eulgodabi Dabug"), "person.display_name"),
                new Case("bidi isolate", p -> p.setDisplayName("Gubad \u2067Ibadoglu\u2069"), "person.display_name"),
                new Case("only zero-width spaces", p -> p.setDisplayName("\u200B\u200B\u200B"), "person.display_name"),
                new Case("a zero-width space inside", p -> p.setDisplayName("Gubad\u200BIbadoglu"), "person.display_name"),
                new Case("only Hangul fillers", p -> p.setDisplayName("\u3164\u3164"), "person.display_name"),
                new Case("a line break in a name", p -> p.setDisplayName("Gubad\nIbadoglu"), "person.display_name"),
                new Case("a noncharacter", p -> p.setDisplayName("Gubad\uFFFF"), "person.display_name"),
                new Case("301 characters", p -> p.setDisplayName("x".repeat(301)), "person.display_name"),
                new Case("NUL in an alias", p -> p.setAliases(1, Alias.newBuilder().setName("Губад\u0000")), "person.aliases[1].name"),
                new Case("51 aliases", p -> withAliases(p, 51), "person.aliases"),
                new Case("11 citizenships", p -> p.clearCitizenships().addAllCitizenships(List.of("AZ", "AM", "GE", "TR",
                        "RU", "UA", "BY", "KZ", "IR", "IQ", "SY")), "person.citizenships"),
                new Case("BEL in the description", p -> p.setDescription("Economist\u0007"), "person.description"),
                new Case("2001 characters of description", p -> p.setDescription("x".repeat(2001)), "person.description"),
                new Case("ESC in a source's publisher", p -> p.setSources(0, Source.newBuilder().setPublisher("JAM\u001Bnews")
                        .setTitle("t")), "person.sources[0].publisher"),
                new Case("override in a source's title", p -> p.setSources(0, Source.newBuilder().setPublisher("JAMnews")
                        .setTitle("\u202Etitle")), "person.sources[0].title"),
                new Case("NUL in a source's URL", p -> p.setSources(0, Source.newBuilder().setPublisher("JAMnews")
                        .setTitle("t").setUrl("https://jam-news.net/\u0000")), "person.sources[0].url"),
                new Case("21 sources", p -> withSources(p, 21), "person.sources"));
    }

    private static Person.Builder withAliases(Person.Builder person, int count) {
        for (int i = person.getAliasesCount(); i < count; i++) {
            person.addAliases(Alias.newBuilder().setName("Alias " + i));
        }
        return person;
    }

    private static Person.Builder withSources(Person.Builder person, int count) {
        for (int i = person.getSourcesCount(); i < count; i++) {
            person.addSources(person.getSources(0));
        }
        return person;
    }

    private void nothingStored() {
        for (String table : List.of("person", "detention", "custody_event", "charge", "request_log")) {
            assertEquals(0, database.count(table), table);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personsNoHumanWrote")
    void refusesAPersonNoHumanWroteNamingTheField(Case mistake) {
        failsOnFields(() -> createPerson(mistake.change().apply(ibadoglu())), mistake.field());
        nothingStored();
    }

    @ParameterizedTest(name = "stores \"{0}\"")
    @ValueSource(strings = {"Gubad Ibadoglu", "محمد\u200Cرضا", "O'Brien-Smith", "Nargis Mohammadi \u200F", "Ли Цян",
            "x300"})
    void storesTheNeighboursOfEachMistake(String name) {
        String displayName = name.equals("x300") ? "x".repeat(300) : name;
        Person stored = createPerson(ibadoglu().setDisplayName(displayName)
                .setDescription("Economist.\n\tDetained in 2023 👨‍👩‍👧").addAliases(Alias.newBuilder().setName("Ибадоглу")));
        assertEquals(displayName, stored.getDisplayName());
        assertEquals(1, database.count("person"));
    }

    @Test
    void storesTextInNfcWhateverFormItCameIn() {
        Person stored = createPerson(ibadoglu().setDisplayName("Qubad I\u0307bado\u0067\u0306lu")
                .setAliases(0, Alias.newBuilder().setName("Ibado\u0067\u0306lu")));
        Person read = persons.getPerson(GetPersonRequest.newBuilder().setName(stored.getName()).build()).getPerson();
        assertEquals("Qubad İbadoğlu", read.getDisplayName());
        assertEquals("Ibadoğlu", read.getAliases(0).getName());
    }

    /** A request whose bytes protobuf refuses: a lone surrogate as JavaScript encodes it, a stray byte, a cut message. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lone surrogate in an alias", "stray 0xFF in the display name", "cut short"})
    void refusesBytesThatAreNotTheRequestNamingTheField(String mistake) {
        byte[] bytes = CreatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(ibadoglu().setDisplayName("Gubad @").setAliases(1, Alias.newBuilder().setName("Губад @@@")))
                .build().toByteArray();
        StatusRuntimeException failure = switch (mistake) {
            case "lone surrogate in an alias" -> assertFailsRaw(RawMethods.overwrite(bytes, "@@@", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
            case "stray 0xFF in the display name" -> assertFailsRaw(RawMethods.overwrite(bytes, " @", new byte[] {' ', (byte) 0xFF}));
            default -> assertFailsRaw(java.util.Arrays.copyOf(bytes, bytes.length - 5));
        };
        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode(), failure.getStatus().toString());
        var status = io.grpc.protobuf.StatusProto.fromThrowable(failure);
        switch (mistake) {
            case "lone surrogate in an alias" -> assertEquals("person.aliases[1].name", fieldOf(status));
            case "stray 0xFF in the display name" -> assertEquals("person.display_name", fieldOf(status));
            default -> assertTrue(failure.getStatus().getDescription().contains("CreatePersonRequest"), failure.getStatus().toString());
        }
        nothingStored();
    }

    @Test
    void aUnaryCallWithoutItsRequestIsInvalidArgument() {
        ClientCall<byte[], byte[]> call = personsChannelAsAdmin().newCall(RawMethods.of(PersonServiceGrpc.getCreatePersonMethod()), CallOptions.DEFAULT);
        CompletableFuture<Status> closed = new CompletableFuture<>();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.request(1);
        call.halfClose();
        assertEquals(Status.Code.INVALID_ARGUMENT, closed.orTimeout(10, TimeUnit.SECONDS).join().getCode());
        nothingStored();
    }

    @Test
    void refusesMistakesInDetentionsEventsChargesAndRetractions() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        long events = database.count("custody_event");
        failsOnFields(() -> createDetention(arrest(person.getName(), date(2023, 7, 23)).setPlace("Baku\u0000")
                .setAuthority("\u202EPolice")), "detention.place", "detention.authority");
        failsOnFields(() -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION,
                date(2023, 7, 25)).setUntilDate(date(2023, 7, 24))), "custody_event.until_date");
        failsOnFields(() -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION,
                date(2023, 8, 0)).setUntilDate(date(2023, 7, 31))), "custody_event.until_date");
        failsOnFields(() -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 7, 25))
                .setDescription("Moved\u0007").setPlace("\u200B")), "custody_event.description", "custody_event.place");
        failsOnFields(() -> addCharge(detention, charge("206.3.2", date(2023, 7, 24)).setLegalCode("Code\u0000")
                .setOffenceDescription("\u202ESmuggling")), "charge.legal_code", "charge.offence_description");
        failsOnFields(() -> detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(detention.getName())
                .setEtag(detention.getEtag()).setReason("Duplicate\u0000").setRequestId(requestId()).build()), "reason");
        assertEquals(1, database.count("detention"));
        assertEquals(events, database.count("custody_event"));
        assertEquals(0, database.count("charge"));
    }

    /** PostgreSQL refuses a NUL in any text; before it reaches the database, it is the client's mistake. */
    @Test
    void aNulInASearchOrARequestIdIsInvalidArgument() {
        failsOnFields(() -> persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("Gubad\u0000").build()), "query");
        failsOnFields(() -> persons.createPerson(CreatePersonRequest.newBuilder().setPerson(ibadoglu())
                .setRequestId("6f1c0b8e\u0000").build()), "request_id");
        nothingStored();
    }

    @Test
    void anEventMayEndOnItsFirstDayOrWithinTheCoarserPeriodItStarted() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 25))
                .setUntilDate(date(2023, 7, 25)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2023, 9, 20))
                .setUntilDate(date(2023, 9, 0)));
    }

    /** Names as they could be stored before the text rule: a zero-width space between the words, or inside one. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Gubad\u200BIbadoglu", "Gubad Ibad\u200Boglu", "Gubad Ibadoglu\u202E", "\u00ADGubad Ibadoglu"})
    void aSpoofStoredBeforeTheTextRuleNeverTiesWithTheRealPerson(String spoofed) {
        Person real = createPerson(ibadoglu().clearAliases());
        Person spoof = createPerson(person("Gubad Xbadoglu", "AZ"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE person SET display_name = :n, search_names = :n WHERE id = CAST(:id AS uuid)")
                .setParameter("n", spoofed).setParameter("id", spoof.getName().substring("persons/".length()))
                .executeUpdate());

        var matches = persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("Gubad Ibadoglu").build()).getMatchesList();
        assertEquals(real.getName(), matches.get(0).getPerson().getName());
        assertTrue(matches.stream().skip(1).allMatch(m -> m.getScore() < matches.get(0).getScore()), matches.toString());
    }

    /** A query waiting on a lock stops when its caller's deadline passes, not when the lock is let go. */
    @Test
    void aQueryStopsWhenItsCallerGivesUp() throws Exception {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SELECT id FROM detention FOR UPDATE").getResultList();
            locked.countDown();
            sleep(4000);
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        long started = System.nanoTime();
        fails(Status.Code.DEADLINE_EXCEEDED, () -> detentions.withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                .createCustodyEvent(io.habeas.detention.v1.CreateCustodyEventRequest.newBuilder().setParent(detention.getName())
                        .setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 7, 25)))
                        .setRequestId(requestId()).build()));
        sleep(700);
        assertEquals(0L, waitingOnLocks(), "the service's query goes on after its caller gave up");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);
        holder.join();
        assertEquals(0, database.count("custody_event WHERE type = 'TRANSFER'"));
    }

    /** Without a deadline from its caller, a query stops at the configured limit (3 s in tests) with DEADLINE_EXCEEDED. */
    @Test
    void aQueryStopsAtTheStatementTimeout() throws Exception {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SELECT id FROM detention FOR UPDATE").getResultList();
            locked.countDown();
            sleep(6000);
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        long started = System.nanoTime();
        var status = fails(Status.Code.DEADLINE_EXCEEDED, () -> addEvent(detention,
                event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 7, 25))));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= 2500 && tookMillis < 5500, "stopped after " + tookMillis + " ms");
        assertEquals("QUERY_TIME_LIMIT", io.habeas.support.testing.GrpcAssertions.detail(status,
                com.google.rpc.ErrorInfo.class).getReason());
        holder.join();
        assertEquals(0, database.count("custody_event WHERE type = 'TRANSFER'"));
    }

    private long waitingOnLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .getSingleResult()).longValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private io.grpc.Channel personsChannelAsAdmin() {
        return persons.getChannel();
    }


    private StatusRuntimeException assertFailsRaw(byte[] request) {
        return org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> ClientCalls.blockingUnaryCall(personsChannelAsAdmin(), RawMethods.of(PersonServiceGrpc.getCreatePersonMethod()), CallOptions.DEFAULT, request));
    }

    private static String fieldOf(com.google.rpc.Status status) {
        return io.habeas.support.testing.GrpcAssertions.detail(status, com.google.rpc.BadRequest.class)
                .getFieldViolations(0).getField();
    }
}
