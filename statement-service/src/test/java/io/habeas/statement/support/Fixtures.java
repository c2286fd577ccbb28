package io.habeas.statement.support;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.support.testing.CommonFixtures;

/** Valid requests to start from; each test changes what it is about. */
public final class Fixtures extends CommonFixtures {
    private Fixtures() {
    }

    public static Actor.Builder blinken() {
        return Actor.newBuilder()
                .setDisplayName("Antony J. Blinken")
                .setKind(ActorKind.ACTOR_KIND_OFFICIAL)
                .setOffice("Secretary of State")
                .setOrganization("U.S. Department of State")
                .setCountry("US")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source());
    }

    public static Actor.Builder azerbaijaniAuthorities() {
        return Actor.newBuilder()
                .setDisplayName("Ministry of Internal Affairs of the Republic of Azerbaijan")
                .setKind(ActorKind.ACTOR_KIND_GOVERNMENT_BODY)
                .setCountry("AZ")
                .addSources(source());
    }

    public static Actor.Builder detainedPerson(String displayName, String person) {
        return Actor.newBuilder()
                .setDisplayName(displayName)
                .setKind(ActorKind.ACTOR_KIND_DETAINED_PERSON)
                .setCountry("AZ")
                .setPerson(person)
                .addSources(source());
    }

    public static Actor.Builder actor(String displayName, ActorKind kind, String country) {
        return Actor.newBuilder().setDisplayName(displayName).setKind(kind).setCountry(country).addSources(source());
    }

    public static Statement.Builder statement(String actor, PartialDate madeOn, String title) {
        return Statement.newBuilder()
                .setActor(actor)
                .setMadeOn(madeOn)
                .setMedium(StatementMedium.STATEMENT_MEDIUM_CALL_READOUT)
                .setTitle(title)
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source());
    }

    public static Claim.Builder claim(ClaimKind kind, String text) {
        return Claim.newBuilder().setKind(kind).setText(text);
    }
}
