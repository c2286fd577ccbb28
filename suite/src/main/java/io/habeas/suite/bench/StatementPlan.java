package io.habeas.suite.bench;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.common.v1.PartialDate;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The benchmark's statements, each the same for the same seed and index: an actor drawn by Zipf (a few
 * speak most), one to three persons of the population drawn by Zipf too (some cases draw most calls), a call
 * for release addressed to the first person's detaining country, and sometimes a concern about that country
 * as a whole. Actors carry an external id and statements an import key, both from the seed and index, so that
 * records imported again update rather than duplicate.
 */
public final class StatementPlan {
    /** One planned statement: persons by their index in the population. */
    public record Planned(int index, int actor, PartialDate madeOn, AccessLevel level, List<Integer> persons,
            String addresseeCountry, boolean concernAboutCountry) {
    }

    private final Population population;
    private final int persons;
    private final int actors;
    private final Zipf speakers;
    private final Zipf subjects;

    public StatementPlan(Population population, int persons) {
        this.population = population;
        this.persons = persons;
        this.actors = Math.max(10, persons / 1000);
        this.speakers = new Zipf(actors, 1.1);
        this.subjects = new Zipf(persons, 0.8);
    }

    public long seed() {
        return population.seed();
    }

    public int actors() {
        return actors;
    }

    public Actor actor(int index) {
        return Actor.newBuilder().setDisplayName("Synthetic Rapporteur " + population.seed() + "-" + index)
                .setKind(ActorKind.ACTOR_KIND_INTERNATIONAL_BODY).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(Population.source()).addExternalIds(actorId(index)).build();
    }

    /** The actor's external id: scheme {@link Population#SCHEME}, value "{seed}-actor-{index}". */
    public ExternalId actorId(int index) {
        return ExternalId.newBuilder().setScheme(Population.SCHEME).setValue(population.seed() + "-actor-" + index).build();
    }

    /** The statement's import key: "habeas-bench:{seed}-{index}". */
    public String importKey(int index) {
        return Population.SCHEME + ":" + population.seed() + "-" + index;
    }

    /**
     * The import record of statement {@code index}, its actor named by external id and its persons by their
     * stored names ({@code personNames[i]}, null for a person the import rejected); null when it names none stored.
     */
    public ImportRecord record(int index, String[] personNames) {
        Planned planned = statement(index);
        List<String> about = planned.persons().stream().map(p -> personNames[p]).filter(Objects::nonNull).toList();
        if (about.isEmpty()) {
            return null;
        }
        return ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder().setImportKey(importKey(index))
                .setStatement(toStatement(planned, "", about)).setActorExternalId(actorId(planned.actor()))).build();
    }

    public Planned statement(int index) {
        SplittableRandom random = new SplittableRandom(population.seed() * 0xC2B2AE3D27D4EB4FL + index);
        int actor = speakers.sample(random);
        int count = 1 + (random.nextDouble() < 0.2 ? 1 + random.nextInt(2) : 0);
        List<Integer> about = new ArrayList<>();
        while (about.size() < Math.min(count, persons)) {
            // Half the subjects are the much-discussed cases, half anyone.
            int person = random.nextBoolean() ? subjects.sample(random) : random.nextInt(persons);
            if (!about.contains(person)) {
                about.add(person);
            }
        }
        int year = 2008 + random.nextInt(18);
        PartialDate made = random.nextDouble() < 0.7
                ? PartialDate.newBuilder().setYear(year).setMonth(1 + random.nextInt(12)).setDay(1 + random.nextInt(28)).build()
                : PartialDate.newBuilder().setYear(year).setMonth(1 + random.nextInt(12)).build();
        return new Planned(index, actor, made, Population.level(random, 0.85, 0.10), List.copyOf(about),
                population.country(about.get(0)), random.nextDouble() < 0.3);
    }

    /** The statement with the stored names of its actor and persons ("actors/{id}", "persons/{id}"); actor may be empty. */
    public static Statement toStatement(Planned planned, String actorName, List<String> personNames) {
        Claim.Builder call = Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                .setAddresseeCountry(planned.addresseeCountry()).setText("Synthetic call for release " + planned.index());
        personNames.forEach(call::addSubjectPersons);
        Statement.Builder statement = Statement.newBuilder().setActor(actorName).setMadeOn(planned.madeOn())
                .setMedium(StatementMedium.STATEMENT_MEDIUM_REPORT).setTitle("Synthetic report " + planned.index())
                .setAccessLevel(planned.level()).addSources(Population.source()).addClaims(call);
        if (planned.concernAboutCountry()) {
            statement.addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CONCERN)
                    .addSubjectCountries(planned.addresseeCountry())
                    .setText("Synthetic concern about detentions in " + planned.addresseeCountry()));
        }
        return statement.build();
    }
}
