package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorMatch;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.ListActorsResponse;
import io.habeas.statement.v1.SearchActorsRequest;
import io.habeas.statement.v1.UpdateActorRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorGrpcTest extends GrpcTest {

    @Test
    void createsAndReadsAnActor() {
        Actor created = createActor(blinken());
        assertTrue(created.getName().startsWith("actors/"));
        assertEquals(created, actors.getActor(GetActorRequest.newBuilder().setName(created.getName()).build()).getActor());
        assertEquals("Secretary of State", created.getOffice());
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED,
                createActor(actor("OSCE", ActorKind.ACTOR_KIND_INTERNATIONAL_BODY, "")).getAccessLevel());
    }

    @Test
    void rejectsBadActorsWithEveryFieldAndStoresNothing() {
        failsOnFields(() -> createActor(blinken().setDisplayName(" ").setCountry("USA").clearKind()
                        .setPerson("persons/42").addSources(blinken().getSources(0).toBuilder().setUrl("ftp://x"))),
                "actor.display_name", "actor.country", "actor.kind", "actor.person", "actor.sources[1].url");
        failsOnFields(() -> createActor(blinken().setPerson(detention.knownPerson())), "actor.person");
        failsOnFields(() -> actors.createActor(CreateActorRequest.newBuilder().setActor(blinken()).build()), "request_id");
        assertEquals(0, database.count("actor"));
    }

    @Test
    void aDetainedPersonSpeaksAsThePersonDetentionServiceKnows() {
        String person = detention.knownPerson();
        Actor himself = createActor(detainedPerson("Gubad Ibadoglu", person));
        assertEquals(person, himself.getPerson());
        assertEquals(1, detention.calls());
    }

    @Test
    void searchIgnoresCaseAndAccentsAndLooksAtOfficeAndOrganisation() {
        Actor blinken = createActor(blinken());
        Actor ibadoglu = createActor(actor("Qubad İbadoğlu", ActorKind.ACTOR_KIND_DETAINED_PERSON, "AZ"));
        createActor(actor("Nikol Pashinyan", ActorKind.ACTOR_KIND_OFFICIAL, "AM").setOffice("Prime Minister of Armenia"));

        assertEquals(List.of(ibadoglu.getName()), search("ibadoglu"));
        assertEquals(List.of(blinken.getName()), search("department of state"));
        assertEquals(List.of(blinken.getName()), search("SECRETARY"));
        assertTrue(search("zzzz").isEmpty());
        failsOnFields(() -> actors.searchActors(SearchActorsRequest.newBuilder().setQuery("x").build()), "query");
    }

    private List<String> search(String query) {
        return actors.searchActors(SearchActorsRequest.newBuilder().setQuery(query).build()).getMatchesList().stream()
                .map(ActorMatch::getActor).map(Actor::getName).toList();
    }

    @Test
    void listsByCountryAndKindPageByPage() {
        List<String> us = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            us.add(createActor(actor("U.S. official " + i, ActorKind.ACTOR_KIND_OFFICIAL, "US")).getName());
        }
        createActor(actor("Amnesty International", ActorKind.ACTOR_KIND_NGO, ""));
        createActor(actor("Ministry of Foreign Affairs", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "US"));

        List<String> walked = new ArrayList<>();
        ListActorsRequest.Builder page = ListActorsRequest.newBuilder().setCountry("US")
                .setKind(ActorKind.ACTOR_KIND_OFFICIAL).setPageSize(2);
        do {
            ListActorsResponse response = actors.listActors(page.build());
            response.getActorsList().forEach(a -> walked.add(a.getName()));
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());
        assertEquals(us, walked);
        assertEquals(7, actors.listActors(ListActorsRequest.newBuilder().build()).getActorsCount());
        failsOnFields(() -> actors.listActors(ListActorsRequest.newBuilder().setCountry("US").setPageSize(2)
                .setPageToken(actors.listActors(ListActorsRequest.newBuilder().setPageSize(2).build()).getNextPageToken())
                .build()), "page_token");
        failsOnFields(() -> actors.listActors(ListActorsRequest.newBuilder().setPageSize(-1).build()), "page_size");
    }

    @Test
    void correctionsNeedTheCurrentEtag() {
        Actor created = createActor(blinken());
        Actor updated = actors.updateActor(UpdateActorRequest.newBuilder()
                .setActor(Actor.newBuilder().setName(created.getName()).setEtag(created.getEtag()).setOffice("Former Secretary"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("office")).setRequestId(requestId()).build()).getActor();
        assertEquals("Former Secretary", updated.getOffice());
        assertEquals("Antony J. Blinken", updated.getDisplayName());
        assertNotEquals(created.getEtag(), updated.getEtag());
        fails(Status.Code.ABORTED, () -> actors.updateActor(UpdateActorRequest.newBuilder()
                .setActor(Actor.newBuilder().setName(created.getName()).setEtag(created.getEtag()).setOffice("Stale"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("office")).setRequestId(requestId()).build()));
        fails(Status.Code.NOT_FOUND, () -> actors.getActor(GetActorRequest.newBuilder()
                .setName("actors/0190a0e0-0000-7000-8000-000000000000").build()));
    }
}
