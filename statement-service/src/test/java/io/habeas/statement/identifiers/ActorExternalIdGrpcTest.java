package io.habeas.statement.identifiers;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.UpdateActorRequest;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An actor's identifiers in other databases: stored as the rules read them, each pair held by one
 * actor at most, found by ListActors, so that an import updates an actor instead of entering it
 * twice. A holder the caller may not see (by its level or its person) is never named nor found.
 */
@QuarkusTest
class ActorExternalIdGrpcTest extends GrpcTest {
    static final ExternalId BLINKEN_ITEM = id("wikidata", "Q311440");

    static ExternalId id(String scheme, String value) {
        return ExternalId.newBuilder().setScheme(scheme).setValue(value).build();
    }

    static CreateActorRequest create(Actor.Builder actor) {
        return CreateActorRequest.newBuilder().setActor(actor).setRequestId(requestId()).build();
    }

    static UpdateActorRequest replaceIds(Actor actor, List<ExternalId> ids) {
        return UpdateActorRequest.newBuilder().setRequestId(requestId())
                .setActor(Actor.newBuilder().setName(actor.getName()).setEtag(actor.getEtag()).addAllExternalIds(ids))
                .setUpdateMask(FieldMask.newBuilder().addPaths("external_ids")).build();
    }

    static List<Actor> holding(ActorServiceGrpc.ActorServiceBlockingStub stub, ExternalId id) {
        return stub.listActors(ListActorsRequest.newBuilder().setExternalId(id).build()).getActorsList();
    }

    private Actor get(Actor actor) {
        return actors.getActor(GetActorRequest.newBuilder().setName(actor.getName()).build()).getActor();
    }

    private static ErrorInfo taken(com.google.rpc.Status status) {
        ErrorInfo info = detail(status, ErrorInfo.class);
        assertEquals("EXTERNAL_ID_TAKEN", info.getReason());
        return info;
    }

    @Test
    void recordsAnActorsIdentifiersAsTheRulesReadThemAndFindsItByOne() {
        Actor created = createActor(blinken().addExternalIds(id("WIKIDATA", "Q311440 ")).addExternalIds(id("cecc", "A-17")));
        createActor(actor("U.S. Department of State", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "US")
                .addExternalIds(id("wikidata", "Q789915")));

        assertEquals(List.of(BLINKEN_ITEM, id("cecc", "A-17")), created.getExternalIdsList());
        assertEquals(created, get(created));
        assertEquals(List.of(created), holding(actors, id("WikiData", "Q311440")));
        assertEquals(List.of(created), actors.listActors(ListActorsRequest.newBuilder().setExternalId(id("cecc", "A-17"))
                .setCountry("US").setKind(ActorKind.ACTOR_KIND_OFFICIAL).build()).getActorsList());
        assertEquals(List.of(), actors.listActors(ListActorsRequest.newBuilder().setExternalId(BLINKEN_ITEM)
                .setCountry("AZ").build()).getActorsList());
        assertEquals(List.of(), holding(actors, id("cecc", "a-17")));
        assertEquals(List.of(), holding(actors, id("wikidata", "Q1")));
    }

    @Test
    void anUpdateNamingExternalIdsReplacesThemAndAnyOtherKeepsThem() {
        Actor created = createActor(blinken().addExternalIds(BLINKEN_ITEM));
        Actor renamed = updateActor(Actor.newBuilder().setName(created.getName()).setEtag(created.getEtag())
                .setOffice("Former Secretary of State"), "office");
        assertEquals(created.getExternalIdsList(), renamed.getExternalIdsList());

        Actor replaced = actors.updateActor(replaceIds(renamed, List.of(id("cecc", "A-17")))).getActor();
        assertEquals(List.of(id("cecc", "A-17")), replaced.getExternalIdsList());
        assertEquals(List.of(), holding(actors, BLINKEN_ITEM));
        assertEquals(List.of(replaced), holding(actors, id("cecc", "A-17")));
        assertEquals(1, database.count("actor_external_id"));
    }

    @Test
    void aLookupReadsTheHolderByTheUniqueKeyAndTheActorByItsId() {
        createActor(blinken().addExternalIds(BLINKEN_ITEM));
        SqlLog.clear();
        assertEquals(1, holding(actors, BLINKEN_ITEM).size());

        List<String> statements = SqlLog.statements();
        String holder = statements.stream().filter(s -> s.contains("actor_external_id")).findFirst().orElseThrow();
        assertTrue(database.plan(holder).contains("actor_external_id_unique"), database.plan(holder));
        String listed = statements.stream().filter(s -> s.contains(" from actor ")).findFirst().orElseThrow(
                () -> new AssertionError(statements.toString()));
        assertTrue(database.plan(listed).contains("actor_pkey"), database.plan(listed));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments(List.of(id("", "x")), "actor.external_ids[0].scheme"),
                arguments(List.of(id("_cecc", "x")), "actor.external_ids[0].scheme"),
                arguments(List.of(id("cecc", "")), "actor.external_ids[0].value"),
                arguments(List.of(id("cecc", "a\u202Eb")), "actor.external_ids[0].value"),
                arguments(List.of(id("wikidata", "311440")), "actor.external_ids[0].value"),
                arguments(List.of(BLINKEN_ITEM, id("WIKIDATA", "Q1")), "actor.external_ids[1].scheme"),
                arguments(IntStream.range(0, 21).mapToObj(i -> id("s" + i, "1")).toList(), "actor.external_ids"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesAMalformedCreateOnTheIdentifiersPathAndStoresNothing(List<ExternalId> ids, String field) {
        failsOnFields(() -> actors.createActor(create(blinken().addAllExternalIds(ids))), field);
        assertEquals(0, database.count("actor"));
        assertEquals(0, database.count("actor_external_id"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesAMalformedUpdateOnTheIdentifiersPathAndChangesNothing(List<ExternalId> ids, String field) {
        Actor created = createActor(blinken().addExternalIds(id("cecc", "7")));
        failsOnFields(() -> actors.updateActor(replaceIds(created, ids)), field);
        assertEquals(created, get(created));
        assertEquals(1, database.count("actor_external_id"));
    }

    @Test
    void refusesAMalformedLookupOnTheFilterParts() {
        failsOnFields(() -> holding(actors, id("", "")), "external_id.scheme", "external_id.value");
        failsOnFields(() -> holding(actors, id("wikidata", "q311440")), "external_id.value");
    }

    @Test
    void anIdentifierAnotherActorHoldsIsAlreadyExistsNamingItAndNothingIsStored() {
        Actor holder = createActor(blinken().addExternalIds(BLINKEN_ITEM));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> actors.createActor(create(blinken().setDisplayName("A. Blinken")
                .addExternalIds(BLINKEN_ITEM))));

        assertEquals(Map.of("field", "actor.external_ids[0]", "scheme", "wikidata", "value", "Q311440",
                "holder", holder.getName()), taken(status).getMetadataMap());
        assertEquals(1, database.count("actor"));
    }

    @Test
    void aHolderHiddenByItsLevelIsNeitherNamedNorFound() {
        Actor hidden = createActor(blinken().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL).addExternalIds(BLINKEN_ITEM));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> actorsAs(Role.RECORDER).createActor(create(
                blinken().addExternalIds(BLINKEN_ITEM))));

        assertFalse(taken(status).containsMetadata("holder"));
        assertFalse(status.getMessage().contains(hidden.getName()), status.getMessage());
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            assertEquals(List.of(), holding(actorsAs(role), BLINKEN_ITEM), role.name());
        }
        assertEquals(List.of(hidden), holding(actors, BLINKEN_ITEM));
    }

    @Test
    void aHolderHiddenByItsPersonIsNeitherNamedNorFound() {
        String person = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Actor hidden = createActor(detainedPerson("Gubad Ibadoglu", person).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addExternalIds(id("wikidata", "Q5453614")));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> actorsAs(Role.RECORDER).createActor(create(
                actor("Gubad Ibadoglu", ActorKind.ACTOR_KIND_OTHER, "AZ").addExternalIds(id("wikidata", "Q5453614")))));

        assertFalse(taken(status).containsMetadata("holder"));
        assertEquals(List.of(), holding(actorsAs(Role.RECORDER), id("wikidata", "Q5453614")));
        assertEquals(List.of(hidden), holding(actors, id("wikidata", "Q5453614")));
    }

    @Test
    void anUpdateGivingAnotherActorsIdentifierIsAlreadyExistsUntilThatActorGivesItUp() {
        Actor holder = createActor(blinken().addExternalIds(BLINKEN_ITEM));
        Actor other = createActor(blinken().setDisplayName("Tony Blinken"));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> actors.updateActor(replaceIds(other,
                List.of(id("cecc", "1"), BLINKEN_ITEM))));
        assertEquals("actor.external_ids[1]", taken(status).getMetadataOrThrow("field"));
        assertEquals(other, get(other));

        actors.updateActor(replaceIds(holder, List.of()));
        Actor moved = actors.updateActor(replaceIds(other, List.of(BLINKEN_ITEM))).getActor();
        assertEquals(List.of(moved), holding(actors, BLINKEN_ITEM));
    }

    @Test
    void aRetryWithTheSameRequestIdAnswersTheFirstResultAndIsNotItsOwnDuplicate() {
        CreateActorRequest request = create(blinken().addExternalIds(BLINKEN_ITEM));
        Actor first = actors.createActor(request).getActor();
        assertEquals(first, actors.createActor(request).getActor());
        assertEquals(1, database.count("actor"));
        assertEquals(1, database.count("actor_external_id"));
    }

    @Test
    void revisionsKeepTheIdentifiersAndARestoreBringsThemBackUnlessAnotherActorHoldsThemNow() {
        Actor created = createActor(blinken().addExternalIds(BLINKEN_ITEM));
        Actor changed = actors.updateActor(replaceIds(created, List.of(id("cecc", "A-17")))).getActor();
        var revisions = actorRevisions(actors, created.getName());
        assertEquals(List.of(id("cecc", "A-17")), revisions.get(0).getActor().getExternalIdsList());
        assertEquals(List.of(BLINKEN_ITEM), revisions.get(1).getActor().getExternalIdsList());

        Actor taker = createActor(blinken().setDisplayName("Tony Blinken").addExternalIds(BLINKEN_ITEM));
        var refused = fails(Status.Code.FAILED_PRECONDITION, () -> restoreActor(changed, revisions.get(1).getRevision(), "undo"));
        assertEquals("REVISION_NOT_RESTORABLE", detail(refused, ErrorInfo.class).getReason());
        assertEquals(taker.getName(), detail(refused, com.google.rpc.PreconditionFailure.class).getViolations(0).getSubject());
        assertEquals(changed, get(changed));

        actors.updateActor(replaceIds(taker, List.of()));
        Actor restored = restoreActor(changed, revisions.get(1).getRevision(), "undo");
        assertEquals(List.of(BLINKEN_ITEM), restored.getExternalIdsList());
        assertEquals(List.of(restored), holding(actors, BLINKEN_ITEM));
    }
}
