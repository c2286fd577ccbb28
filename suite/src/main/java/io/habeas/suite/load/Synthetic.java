package io.habeas.suite.load;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records the load writes: plainly fake, PUBLIC, in one detaining country, each carrying a marker
 * unique to its case ("c1a2b-17") in a field a reader compares, so that a record stored twice shows
 * as two records with one marker. Every request gets a new request id.
 */
public final class Synthetic {
    private final String run;
    private final String country;
    private final AtomicLong cases = new AtomicLong();

    /** {@code run}: a short tag that tells this run's records from another's; {@code country}: ISO 3166-1 alpha-2. */
    public Synthetic(String run, String country) {
        this.run = run;
        this.country = country;
    }

    public String country() {
        return country;
    }

    public Case newCase() {
        return new Case(run + "-" + cases.incrementAndGet());
    }

    public static Source source() {
        return Source.newBuilder().setPublisher("Habeas load harness").setTitle("Synthetic record, not a real case")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).build();
    }

    public CreateActorRequest actor() {
        return CreateActorRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setActor(Actor.newBuilder().setDisplayName("Synthetic Rapporteur " + run)
                        .setKind(ActorKind.ACTOR_KIND_INTERNATIONAL_BODY).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(source()))
                .build();
    }

    CreatePersonRequest person(Case c) {
        return CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPerson(Person.newBuilder().setDisplayName("Synthetic Detainee " + c.marker).addCitizenships(country)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build();
    }

    CreateDetentionRequest detention(Case c) {
        return CreateDetentionRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setDetention(Detention.newBuilder().setPerson(c.person()).setDetainingCountry(country)
                        .setPlace("Synthetic place " + c.marker).setStartDate(date(2020, 1 + (int) (ordinal(c) % 12), 0))
                        .setInitialStatus(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build();
    }

    CreateCustodyEventRequest custodyEvent(Case c) {
        return CreateCustodyEventRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setParent(c.detention())
                .setCustodyEvent(CustodyEvent.newBuilder().setType(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED)
                        .setOccurredOn(date(2021, 1 + (int) (ordinal(c) % 12), 0))
                        .setDescription("Synthetic extension " + c.marker)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build();
    }

    CreateStatementRequest statement(Case c, String actor) {
        return CreateStatementRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setStatement(Statement.newBuilder().setActor(actor).setMadeOn(date(2022, 1 + (int) (ordinal(c) % 12), 0))
                        .setMedium(StatementMedium.STATEMENT_MEDIUM_REPORT).setTitle("Synthetic report " + c.marker)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source())
                        .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                                .addSubjectPersons(c.person()).setAddresseeCountry(country)
                                .setText("Synthetic call for release " + c.marker)))
                .build();
    }

    private static long ordinal(Case c) {
        return Long.parseLong(c.marker.substring(c.marker.lastIndexOf('-') + 1));
    }

    static PartialDate date(int year, int month, int day) {
        return PartialDate.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }
}
