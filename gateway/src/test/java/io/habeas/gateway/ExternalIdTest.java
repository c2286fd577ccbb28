package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.common.v1.ExternalId;
import io.habeas.common.v1.RevisionAction;
import io.habeas.detention.v1.PersonRevision;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorRevision;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A person's identifiers in other databases show on its profile and history, and the persons list finds a person by one. */
@QuarkusTest
class ExternalIdTest extends GatewayTest {
    private static final String PERSONS = "/api/v1/persons";

    private static ExternalId id(String scheme, String value) {
        return ExternalId.newBuilder().setScheme(scheme).setValue(value).build();
    }

    private void twoPersons() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC).toBuilder()
                .addExternalIds(id("wikidata", "Q5453614")).addExternalIds(id("viasna", "2023-0142")).build());
        Backends.persons.add(person(personName("yagublu"), "Tofig Yagublu", PUBLIC).toBuilder()
                .addExternalIds(id("wikidata", "Q1")).build());
    }

    @Test
    void theProfileShowsThePersonsIdentifiers() {
        twoPersons();
        given().get(PERSONS + "/" + Fixtures.id("ibadoglu")).then().statusCode(200)
                .body("externalIds.scheme", contains("wikidata", "viasna"))
                .body("externalIds.value", contains("Q5453614", "2023-0142"));
        given().get(PERSONS + "/" + Fixtures.id("yagublu")).then().statusCode(200)
                .body("externalIds", hasSize(1));
    }

    @Test
    void theListFindsThePersonHoldingAnIdentifierWithTheSchemeInAnyCase() {
        twoPersons();
        given().queryParam("externalId", "WikiData:Q5453614").get(PERSONS).then().statusCode(200)
                .body("persons.id", contains(Fixtures.id("ibadoglu")))
                .body("nextCursor", nullValue());
        given().queryParam("externalId", "viasna: 2023-0142 ").queryParam("country", "AZ").get(PERSONS).then().statusCode(200)
                .body("persons", hasSize(0)); // no detention in AZ recorded: the country filter still applies
        given().queryParam("externalId", "wikidata:Q2").get(PERSONS).then().statusCode(200)
                .body("persons", hasSize(0));
        assertEquals(List.of("ListPersons", "ListPersons", "ListPersons"), Backends.calls.stream()
                .filter(c -> c.startsWith("List") || c.startsWith("Search")).filter(c -> !c.startsWith("ListDetentions")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wikidata", "wikidata:", ":Q5453614", "wikidata:q5453614", "wiki data:Q1", "1abc:x",
            "viasna:a\u202Eb"})
    void aMalformedIdentifierIs400NamingExternalIdAndAsksNoBackend(String bad) {
        given().queryParam("externalId", bad).get(PERSONS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", everyItem(is("externalId")))
                .body("invalidParams", not(empty()));
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void anIdentifierWithASearchIs400() {
        given().queryParam("externalId", "wikidata:Q5453614").queryParam("q", "Ibadoglu").get(PERSONS).then()
                .statusCode(400).body("invalidParams.name", contains("externalId"));
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void revisionsShowThePersonsAndTheActorsIdentifiersThen() {
        var person = person(PERSON, "Gubad Ibadoglu", PUBLIC).toBuilder().addExternalIds(id("wikidata", "Q5453614")).build();
        Backends.persons.add(person);
        Backends.revisions.put(PERSON, List.of(PersonRevision.newBuilder()
                .setRevision(revision("r1", RevisionAction.REVISION_ACTION_CREATED, PUBLIC, "2024-05-01T10:00:00Z"))
                .setPerson(person).build()));
        String actor = actorName("blinken");
        var blinken = Actor.newBuilder().setName(actor).setDisplayName("Antony J. Blinken")
                .setKind(ActorKind.ACTOR_KIND_OFFICIAL).setCountry("US").setAccessLevel(PUBLIC)
                .addSources(source("State Department")).addExternalIds(id("wikidata", "Q311440")).build();
        Backends.records.put(actor, blinken);
        Backends.revisions.put(actor, List.of(ActorRevision.newBuilder()
                .setRevision(revision("r1", RevisionAction.REVISION_ACTION_CREATED, PUBLIC, "2024-05-01T10:00:00Z"))
                .setActor(blinken).build()));

        given().get(PERSONS + "/" + Fixtures.id("ibadoglu") + "/history").then().statusCode(200)
                .body("revisions[0].record.externalIds[0].scheme", is("wikidata"))
                .body("revisions[0].record.externalIds[0].value", is("Q5453614"));
        given().get("/api/v1/actors/" + actor.substring("actors/".length()) + "/history").then().statusCode(200)
                .body("revisions[0].record.externalIds[0].value", is("Q311440"));
    }
}
