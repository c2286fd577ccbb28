package io.habeas.suite;

import io.grpc.Channel;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.Alias;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonMatch;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo case (Gubad Ibadoglu, Azerbaijani economist detained since July 2023), recorded through the public gRPC APIs.
 * Every write has a request id derived from its step, so loading it again returns the first
 * results and creates nothing twice.
 *
 * Where the seed article gives no date, the coarsest date the reporting supports is used
 * (the month of the arrest for it, the first charge and the pre-trial detention; the year
 * for the extension and the second charge) and the record says so; no day is invented.
 *
 * So that the roles differ visibly, the extension (a fact of the article) is RESTRICTED, and the
 * house arrest also cites a CONFIDENTIAL source that is internal demo material, no real source:
 * levels are put on what is there, never a fact, date or source invented about the person.
 */
final class DemoCase {
    static final String DEMO_NOTE = "Demo data from the Habeas seed article.";
    private static final String CRIMINAL_CODE = "Criminal Code of the Republic of Azerbaijan";

    private final PersonServiceGrpc.PersonServiceBlockingStub persons;
    private final DetentionServiceGrpc.DetentionServiceBlockingStub detentions;
    private final ActorServiceGrpc.ActorServiceBlockingStub actors;
    private final StatementServiceGrpc.StatementServiceBlockingStub statements;

    /** What the demo recorded, for the examples the launcher prints and the system tests. */
    record Recorded(String person, String detention) {
    }

    DemoCase(Channel detention, Channel statement) {
        this.persons = PersonServiceGrpc.newBlockingStub(detention);
        this.detentions = DetentionServiceGrpc.newBlockingStub(detention);
        this.actors = ActorServiceGrpc.newBlockingStub(statement);
        this.statements = StatementServiceGrpc.newBlockingStub(statement);
    }

    static Source articleA() {
        return Source.newBuilder()
                .setPublisher("Olga Nesterova, citing the U.S. Department of State")
                .setTitle("Blinken Advances Peace Talks with Armenia and Azerbaijan")
                .setPublishedOn(date(2024, 4, 28))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .build();
    }

    /** Says what it is: no real source, only a citation an admin sees and nobody else. */
    static Source internalDemoNote() {
        return Source.newBuilder()
                .setPublisher("Habeas demo data (internal)")
                .setTitle("Internal demo note, not a real source: a CONFIDENTIAL citation, shown to admins only")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)
                .build();
    }

    static Source photoB() {
        return Source.newBuilder()
                .setPublisher("JAM News (photo: social media)")
                .setTitle("Gubad Ibadoglu (center) with lawyers. April 22, 2024")
                .setPublishedOn(date(2024, 4, 22))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .build();
    }

    Recorded load() {
        Person ibadoglu = persons.createPerson(CreatePersonRequest.newBuilder().setRequestId(id("person"))
                .setPerson(Person.newBuilder()
                        .setDisplayName("Gubad Ibadoglu")
                        .addAliases(Alias.newBuilder().setName("Qubad İbadoğlu").setLanguageCode("az"))
                        .addAliases(Alias.newBuilder().setName("Губад Ибадоглу").setLanguageCode("ru"))
                        .addCitizenships("AZ")
                        .setDescription("Azerbaijani economist and opposition politician")
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(articleA()))
                .build()).getPerson();
        Detention detention = detentions.createDetention(CreateDetentionRequest.newBuilder().setRequestId(id("arrest"))
                .setDetention(Detention.newBuilder()
                        .setPerson(ibadoglu.getName())
                        .setDetainingCountry("AZ")
                        .setPlace("Baku")
                        .setStartDate(date(2023, 7, 0))
                        .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(articleA()))
                .build()).getDetention();
        charge(detention, "charge-204.3.1", "204.3.1", "Counterfeit money", date(2023, 7, 0));
        event(detention, "pre-trial", CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 0),
                "Held in pre-trial detention. " + DEMO_NOTE + " Dated to the month of the arrest.",
                AccessLevel.ACCESS_LEVEL_PUBLIC, articleA());
        event(detention, "extension", CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2023, 0, 0),
                "Pre-trial detention extended. " + DEMO_NOTE + " The article gives no date. RESTRICTED for the demo only.",
                AccessLevel.ACCESS_LEVEL_RESTRICTED, articleA());
        charge(detention, "charge-167-3.1", "167-3.1", "Dissemination of religious extremist materials", date(2023, 0, 0));
        event(detention, "house-arrest", CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22),
                "Released to house arrest; pictured with his lawyers.", AccessLevel.ACCESS_LEVEL_PUBLIC, photoB(),
                internalDemoNote());
        recordStatements(ibadoglu.getName());
        return new Recorded(ibadoglu.getName(), detention.getName());
    }

    /**
     * The demo case as an earlier version of Habeas recorded it in this data folder, whose request ids
     * no longer match this version's requests: found by the person's name, left as it was.
     */
    Optional<Recorded> recordedEarlier() {
        return persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("Gubad Ibadoglu").setPageSize(5).build())
                .getMatchesList().stream().map(PersonMatch::getPerson)
                .filter(p -> p.getDisplayName().equals("Gubad Ibadoglu")).findFirst()
                .flatMap(person -> detentions.listDetentions(ListDetentionsRequest.newBuilder().setPerson(person.getName())
                                .setDetainingCountry("AZ").build()).getDetentionsList().stream().findFirst()
                        .map(detention -> new Recorded(person.getName(), detention.getName())));
    }

    private void recordStatements(String person) {
        Actor himself = actor("actor-ibadoglu", Actor.newBuilder().setDisplayName("Gubad Ibadoglu")
                .setKind(ActorKind.ACTOR_KIND_DETAINED_PERSON).setCountry("AZ").setPerson(person));
        Actor blinken = actor("actor-blinken", Actor.newBuilder().setDisplayName("Antony J. Blinken")
                .setKind(ActorKind.ACTOR_KIND_OFFICIAL).setOffice("Secretary of State")
                .setOrganization("U.S. Department of State").setCountry("US"));
        statement("denial", Statement.newBuilder().setActor(himself.getName()).setMadeOn(date(2023, 7, 0))
                .setMedium(StatementMedium.STATEMENT_MEDIUM_OTHER).setTitle("Ibadoglu denies owning the money")
                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_DENIAL).addSubjectPersons(person)
                        .setText("He denied owning the money found in his office.")));
        statement("call-aliyev", Statement.newBuilder().setActor(blinken.getName()).setMadeOn(date(2024, 4, 0))
                .setMedium(StatementMedium.STATEMENT_MEDIUM_CALL_READOUT)
                .setTitle("Secretary Blinken's call with President Ilham Aliyev of Azerbaijan")
                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_WELCOME).addSubjectPersons(person)
                        .addSubjectCountries("AZ").setAddresseeCountry("AZ")
                        .setText("Welcomed the release of Ibadoglu to house arrest as a humanitarian gesture."))
                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE).addSubjectPersons(person)
                        .addSubjectCountries("AZ").setAddresseeCountry("AZ")
                        .setText("Called for his full and expeditious release."))
                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE).addSubjectCountries("AZ")
                        .setAddresseeCountry("AZ").setText("Urged Azerbaijan to release other unjustly detained individuals."))
                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_COMMENDATION).addSubjectCountries("AZ")
                        .addSubjectCountries("AM").setText("Commended the agreement between Armenia and Azerbaijan to use "
                                + "the 1991 Alma Ata declaration as the basis for border delimitation.")));
        statement("call-pashinyan", Statement.newBuilder().setActor(blinken.getName()).setMadeOn(date(2024, 4, 0))
                .setMedium(StatementMedium.STATEMENT_MEDIUM_CALL_READOUT)
                .setTitle("Secretary Blinken's call with Prime Minister Nikol Pashinyan of Armenia")
                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_SUPPORT).addSubjectCountries("AM")
                        .setAddresseeCountry("AM").setText("Reaffirmed U.S. support for Armenia's sovereignty and "
                                + "territorial integrity and for a durable and dignified peace.")));
    }

    private void charge(Detention detention, String step, String article, String offence, PartialDate filedOn) {
        detentions.createCharge(CreateChargeRequest.newBuilder().setRequestId(id(step)).setParent(detention.getName())
                .setCharge(Charge.newBuilder().setJurisdiction("AZ").setLegalCode(CRIMINAL_CODE)
                        .setArticleReference(article).setOffenceDescription(offence).setFiledOn(filedOn)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(articleA()))
                .build());
    }

    private void event(Detention detention, String step, CustodyEventType type, PartialDate on, String description,
            AccessLevel level, Source... sources) {
        detentions.createCustodyEvent(CreateCustodyEventRequest.newBuilder().setRequestId(id(step))
                .setParent(detention.getName())
                .setCustodyEvent(CustodyEvent.newBuilder().setType(type).setOccurredOn(on).setDescription(description)
                        .setAccessLevel(level).addAllSources(java.util.List.of(sources)))
                .build());
    }

    private Actor actor(String step, Actor.Builder actor) {
        return actors.createActor(CreateActorRequest.newBuilder().setRequestId(id(step))
                .setActor(actor.setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(articleA())).build()).getActor();
    }

    private void statement(String step, Statement.Builder statement) {
        statements.createStatement(CreateStatementRequest.newBuilder().setRequestId(id(step))
                .setStatement(statement.setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(articleA())).build());
    }

    static PartialDate date(int year, int month, int day) {
        return PartialDate.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    /** The same step always gets the same request id, so a second load is a retry. */
    private static String id(String step) {
        return UUID.nameUUIDFromBytes(("habeas-demo/" + step).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
