package io.habeas.detention.identifiers;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
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
 * A person's identifiers in other databases: stored as the rules read them, each pair held by one
 * person at most (retracted or not), and found by ListPersons, which an importer uses to update
 * instead of duplicating. A holder the caller may not see is never named nor found.
 */
@QuarkusTest
class PersonExternalIdGrpcTest extends HistoryCase {
    static final ExternalId IBADOGLU_ITEM = id("wikidata", "Q5453614");

    static ExternalId id(String scheme, String value) {
        return ExternalId.newBuilder().setScheme(scheme).setValue(value).build();
    }

    static CreatePersonRequest create(Person.Builder person) {
        return CreatePersonRequest.newBuilder().setPerson(person).setRequestId(requestId()).build();
    }

    static UpdatePersonRequest replaceIds(Person person, List<ExternalId> ids) {
        return UpdatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setName(person.getName()).setEtag(person.getEtag()).addAllExternalIds(ids))
                .setUpdateMask(FieldMask.newBuilder().addPaths("external_ids")).build();
    }

    static List<Person> holding(PersonServiceGrpc.PersonServiceBlockingStub stub, ExternalId id) {
        return stub.listPersons(ListPersonsRequest.newBuilder().setExternalId(id).build()).getPersonsList();
    }

    private Person get(Person person) {
        return persons.getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build()).getPerson();
    }

    private static ErrorInfo taken(com.google.rpc.Status status) {
        ErrorInfo info = detail(status, ErrorInfo.class);
        assertEquals("EXTERNAL_ID_TAKEN", info.getReason());
        return info;
    }

    @Test
    void recordsAPersonsIdentifiersAsTheRulesReadThem() {
        Person created = createPerson(ibadoglu().addExternalIds(id("WikiData", " Q5453614 "))
                .addExternalIds(id("viasna", "2023-0142")));

        assertEquals(List.of(IBADOGLU_ITEM, id("viasna", "2023-0142")), created.getExternalIdsList());
        assertEquals(created, get(created));
        assertEquals(2, database.count("person_external_id"));
    }

    @Test
    void findsThePersonHoldingAnIdentifierByItsSchemeInAnyCaseAndItsValueExactly() {
        Person held = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM).addExternalIds(id("memorial", "Case-12")));
        createPerson(person("Tofig Yagublu", "AZ").addExternalIds(id("wikidata", "Q1")));

        assertEquals(List.of(held), holding(persons, id("WIKIDATA", "Q5453614")));
        assertEquals(List.of(held), holding(persons, id("memorial", " Case-12 ")));
        assertEquals(List.of(), holding(persons, id("memorial", "case-12")));
        assertEquals(List.of(), holding(persons, id("viasna", "Case-12")));
        assertEquals(List.of(held), persons.listPersons(ListPersonsRequest.newBuilder().setExternalId(IBADOGLU_ITEM)
                .setCitizenship("AZ").addPersons(held.getName()).build()).getPersonsList());
    }

    @Test
    void anUpdateNamingExternalIdsReplacesThemAndAnyOtherKeepsThem() {
        Person created = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Person described = updatePerson(created, "description", Person.newBuilder().setDescription("Economist"));
        assertEquals(created.getExternalIdsList(), described.getExternalIdsList());

        Person replaced = persons.updatePerson(replaceIds(described, List.of(id("viasna", "2023-0142")))).getPerson();
        assertEquals(List.of(id("viasna", "2023-0142")), replaced.getExternalIdsList());
        assertEquals(List.of(), holding(persons, IBADOGLU_ITEM));
        assertEquals(List.of(replaced), holding(persons, id("viasna", "2023-0142")));

        Person cleared = persons.updatePerson(replaceIds(replaced, List.of())).getPerson();
        assertEquals(0, cleared.getExternalIdsCount());
        assertEquals(0, database.count("person_external_id"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments(List.of(id("", "Q1")), "person.external_ids[0].scheme"),
                arguments(List.of(id("1memorial", "x")), "person.external_ids[0].scheme"),
                arguments(List.of(id("wiki data", "x")), "person.external_ids[0].scheme"),
                arguments(List.of(id("viasna", "   ")), "person.external_ids[0].value"),
                arguments(List.of(id("viasna", "2023\n0142")), "person.external_ids[0].value"),
                arguments(List.of(id("viasna", "x".repeat(201))), "person.external_ids[0].value"),
                arguments(List.of(id("memorial", "1"), id("wikidata", "q5453614")), "person.external_ids[1].value"),
                arguments(List.of(IBADOGLU_ITEM, id("viasna", "1"), id("Wikidata", "Q1")), "person.external_ids[2].scheme"),
                arguments(IntStream.range(0, 21).mapToObj(i -> id("scheme" + i, "1")).toList(), "person.external_ids"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesAMalformedCreateOnTheIdentifiersPathAndStoresNothing(List<ExternalId> ids, String field) {
        failsOnFields(() -> persons.createPerson(create(ibadoglu().addAllExternalIds(ids))), field);
        assertEquals(0, database.count("person"));
        assertEquals(0, database.count("person_external_id"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesAMalformedUpdateOnTheIdentifiersPathAndChangesNothing(List<ExternalId> ids, String field) {
        Person created = createPerson(ibadoglu().addExternalIds(id("memorial", "7")));
        failsOnFields(() -> persons.updatePerson(replaceIds(created, ids)), field);
        assertEquals(created, get(created));
        assertEquals(1, database.count("person_external_id"));
        assertEquals(0, database.count("person_history"));
    }

    @Test
    void refusesAMalformedLookupOnTheFilterParts() {
        failsOnFields(() -> holding(persons, id("", " ")), "external_id.scheme", "external_id.value");
        failsOnFields(() -> holding(persons, id("wiki data", "Q1")), "external_id.scheme");
        failsOnFields(() -> holding(persons, id("wikidata", "5453614")), "external_id.value");
    }

    @Test
    void anIdentifierAnotherPersonHoldsIsAlreadyExistsNamingThatPersonAndNothingIsStored() {
        Person holder = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> persons.createPerson(create(person("Tofig Yagublu", "AZ")
                .addExternalIds(id("viasna", "7")).addExternalIds(id("WIKIDATA", "Q5453614")))));

        assertEquals(Map.of("field", "person.external_ids[1]", "scheme", "wikidata", "value", "Q5453614",
                "holder", holder.getName()), taken(status).getMetadataMap());
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("person_external_id"));
    }

    @Test
    void aHolderTheCallerMayNotSeeIsNeitherNamedNorFound() {
        Person hidden = createPerson(ibadoglu().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)
                .addExternalIds(IBADOGLU_ITEM));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> personsAs(Role.RECORDER).createPerson(create(
                person("Someone Else", "AZ").addExternalIds(IBADOGLU_ITEM))));

        ErrorInfo info = taken(status);
        assertFalse(info.containsMetadata("holder"), info.toString());
        assertFalse(status.getMessage().contains(hidden.getName()), status.getMessage());
        assertFalse(status.getMessage().contains(hidden.getDisplayName()), status.getMessage());
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            assertEquals(List.of(), holding(personsAs(role), IBADOGLU_ITEM), role.name());
        }
        assertEquals(List.of(hidden), holding(persons, IBADOGLU_ITEM));
        assertEquals(1, database.count("person"));
    }

    @Test
    void aHolderTheCallerMaySeeIsNamedToThatCaller() {
        Person restricted = createPerson(ibadoglu().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)
                .addExternalIds(IBADOGLU_ITEM));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> personsAs(Role.RECORDER).createPerson(create(
                person("Someone Else", "AZ").addExternalIds(IBADOGLU_ITEM))));

        assertEquals(restricted.getName(), taken(status).getMetadataOrThrow("holder"));
        assertEquals(List.of(restricted), holding(personsAs(Role.RECORDER), IBADOGLU_ITEM));
    }

    @Test
    void aRetractedPersonKeepsItsIdentifiersAndLeavesTheLookupUnlessAsked() {
        Person holder = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Person retracted = persons.retractPerson(RetractPersonRequest.newBuilder().setName(holder.getName())
                .setEtag(holder.getEtag()).setReason("Entered twice").setRequestId(requestId()).build()).getPerson();

        var status = fails(Status.Code.ALREADY_EXISTS, () -> persons.createPerson(create(ibadoglu().addExternalIds(IBADOGLU_ITEM))));

        assertEquals(retracted.getName(), taken(status).getMetadataOrThrow("holder"));
        assertEquals(List.of(), holding(persons, IBADOGLU_ITEM));
        assertEquals(List.of(retracted), persons.listPersons(ListPersonsRequest.newBuilder().setExternalId(IBADOGLU_ITEM)
                .setShowRetracted(true).build()).getPersonsList());
    }

    @Test
    void anUpdateGivingAnotherPersonsIdentifierIsAlreadyExistsUntilThatPersonGivesItUp() {
        Person holder = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Person other = createPerson(person("Tofig Yagublu", "AZ").addExternalIds(id("wikidata", "Q1")));

        var status = fails(Status.Code.ALREADY_EXISTS, () -> persons.updatePerson(replaceIds(other,
                List.of(id("memorial", "3"), id("viasna", "9"), IBADOGLU_ITEM))));
        assertEquals("person.external_ids[2]", taken(status).getMetadataOrThrow("field"));
        assertEquals(holder.getName(), taken(status).getMetadataOrThrow("holder"));
        assertEquals(other, get(other));

        persons.updatePerson(replaceIds(holder, List.of()));
        Person moved = persons.updatePerson(replaceIds(other, List.of(IBADOGLU_ITEM))).getPerson();
        assertEquals(List.of(moved), holding(persons, IBADOGLU_ITEM));
    }

    @Test
    void aRetryWithTheSameRequestIdAnswersTheFirstResultAndIsNotItsOwnDuplicate() {
        CreatePersonRequest request = create(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Person first = persons.createPerson(request).getPerson();
        assertEquals(first, persons.createPerson(request).getPerson());

        UpdatePersonRequest update = replaceIds(first, List.of(IBADOGLU_ITEM, id("viasna", "2023-0142")));
        Person updated = persons.updatePerson(update).getPerson();
        assertEquals(updated, persons.updatePerson(update).getPerson());

        assertEquals(1, database.count("person"));
        assertEquals(2, database.count("person_external_id"));
        assertEquals(2, database.count("request_log"));
    }
}
