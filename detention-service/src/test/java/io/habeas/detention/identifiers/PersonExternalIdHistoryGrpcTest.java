package io.habeas.detention.identifiers;

import static io.habeas.detention.identifiers.PersonExternalIdGrpcTest.IBADOGLU_ITEM;
import static io.habeas.detention.identifiers.PersonExternalIdGrpcTest.id;
import static io.habeas.detention.identifiers.PersonExternalIdGrpcTest.replaceIds;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Revisions keep a person's identifiers, a restore brings them back if no one else holds them now, and as-of reads find a person by the ones it had then. */
@QuarkusTest
class PersonExternalIdHistoryGrpcTest extends HistoryCase {
    private static final String WHY = "The identifier was removed by mistake";

    private List<String> namesHolding(ExternalId id, Timestamp asOf, Role role) {
        return personsAs(role).listPersons(ListPersonsRequest.newBuilder().setExternalId(id).setAsOf(asOf).build())
                .getPersonsList().stream().map(Person::getName).toList();
    }

    @Test
    void eachRevisionKeepsTheIdentifiersThePersonHadThen() {
        Person created = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        persons.updatePerson(replaceIds(created, List.of(id("viasna", "2023-0142"))));

        var revisions = history().list(created.getName());
        assertEquals(List.of(id("viasna", "2023-0142")), ((Person) revisions.get(0).record()).getExternalIdsList());
        assertEquals(List.of(IBADOGLU_ITEM), ((Person) revisions.get(1).record()).getExternalIdsList());
    }

    @Test
    void aRestoreBringsBackTheRevisionsIdentifiers() {
        Person created = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Person changed = persons.updatePerson(replaceIds(created, List.of(id("viasna", "2023-0142")))).getPerson();
        String first = history().list(created.getName()).get(1).revision().getRevisionId();

        Person restored = (Person) history().restore(created.getName(), first, changed.getEtag(), WHY, requestId());

        assertEquals(List.of(IBADOGLU_ITEM), restored.getExternalIdsList());
        assertEquals(List.of(restored), PersonExternalIdGrpcTest.holding(persons, IBADOGLU_ITEM));
        assertEquals(List.of(), PersonExternalIdGrpcTest.holding(persons, id("viasna", "2023-0142")));
    }

    @Test
    void aRestoreOfAnIdentifierAnotherPersonHoldsNowIsFailedPreconditionNamingThatPerson() {
        Person created = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Person changed = persons.updatePerson(replaceIds(created, List.of())).getPerson();
        Person taker = createPerson(person("Qubad Ibadoglu", "AZ").addExternalIds(IBADOGLU_ITEM));
        String first = history().list(created.getName()).get(1).revision().getRevisionId();

        var status = fails(Status.Code.FAILED_PRECONDITION, () -> history().restore(created.getName(), first,
                changed.getEtag(), WHY, requestId()));

        var violation = detail(status, PreconditionFailure.class).getViolations(0);
        assertEquals("REVISION_NOT_RESTORABLE", violation.getType());
        assertEquals(taker.getName(), violation.getSubject());
        assertEquals(changed, history().get(created.getName()));
        assertEquals(2, history().list(created.getName()).size());
    }

    @Test
    void asOfAnInstantFindsThePersonHoldingTheIdentifierThen() {
        Timestamp before = instant();
        Person ibadoglu = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Timestamp held = instant();
        persons.updatePerson(replaceIds(ibadoglu, List.of(id("viasna", "2023-0142"))));
        Timestamp given = instant();
        Person taker = createPerson(person("Qubad Ibadoglu", "AZ").addExternalIds(IBADOGLU_ITEM));
        Timestamp taken = instant();

        assertEquals(List.of(), namesHolding(IBADOGLU_ITEM, before, Role.VIEWER));
        assertEquals(List.of(ibadoglu.getName()), namesHolding(IBADOGLU_ITEM, held, Role.VIEWER));
        assertEquals(List.of(), namesHolding(IBADOGLU_ITEM, given, Role.VIEWER));
        assertEquals(List.of(taker.getName()), namesHolding(IBADOGLU_ITEM, taken, Role.ANALYST));
        assertEquals(List.of(), namesHolding(id("viasna", "2023-0142"), held, Role.VIEWER));
        assertEquals(List.of(ibadoglu.getName()), namesHolding(id("VIASNA", "2023-0142"), given, Role.VIEWER));
    }

    @Test
    void asOfAnInstantAHolderHiddenNowIsNotFound() {
        Person ibadoglu = createPerson(ibadoglu().addExternalIds(IBADOGLU_ITEM));
        Timestamp visible = instant();
        reclassify(ibadoglu, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);

        assertEquals(List.of(), namesHolding(IBADOGLU_ITEM, visible, Role.ANALYST));
        assertEquals(List.of(ibadoglu.getName()), namesHolding(IBADOGLU_ITEM, visible, Role.ADMIN));
    }
}
