package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetCustodyEventRequest;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retried write answers with its records as they are now, read again with the caller's
 * clearance: what the caller may no longer see is NOT_FOUND, exactly as Get; the request log keeps
 * their names only.
 */
@QuarkusTest
class ReplayGrpcTest extends GrpcTest {
    @Inject
    EntityManager entityManager;

    @Test
    void aRecordReclassifiedAboveTheCallerReplaysAsNotFoundExactlyAsGet() {
        CreatePersonRequest create = CreatePersonRequest.newBuilder()
                .setPerson(ibadoglu().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)).setRequestId(requestId()).build();
        Person created = personsAs(Role.RECORDER).createPerson(create).getPerson();
        reclassifyPerson(created, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);

        var replayed = fails(Status.Code.NOT_FOUND, () -> personsAs(Role.RECORDER).createPerson(create));
        var got = fails(Status.Code.NOT_FOUND, () -> personsAs(Role.RECORDER)
                .getPerson(GetPersonRequest.newBuilder().setName(created.getName()).build()));

        assertEquals(got, replayed);
        assertEquals(1, database.count("person"));
    }

    @Test
    void aRecordUnderADetentionReclassifiedAboveTheCallerReplaysAsNotFound() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        CreateCustodyEventRequest create = CreateCustodyEventRequest.newBuilder().setParent(detention.getName())
                .setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1))
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC))
                .setRequestId(requestId()).build();
        CustodyEvent created = detentionsAs(Role.RECORDER).createCustodyEvent(create).getCustodyEvent();
        Detention current = detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build())
                .getDetention();
        detentions.updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(current.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build());

        var replayed = fails(Status.Code.NOT_FOUND, () -> detentionsAs(Role.RECORDER).createCustodyEvent(create));
        var got = fails(Status.Code.NOT_FOUND, () -> detentionsAs(Role.RECORDER)
                .getCustodyEvent(GetCustodyEventRequest.newBuilder().setName(created.getName()).build()));
        assertEquals(got, replayed);
        assertEquals(1, database.count("custody_event"));
    }

    @Test
    void aReplayAfterACorrectionShowsTheRecordAsItIsNow() {
        CreatePersonRequest create = CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build();
        Person created = personsAs(Role.RECORDER).createPerson(create).getPerson();
        Person corrected = personsAs(Role.RECORDER).updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(created.toBuilder().setDescription("Economist, head of the Azerbaijan Democracy and Welfare Party"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("description")).setRequestId(requestId()).build()).getPerson();

        Person replayed = personsAs(Role.RECORDER).createPerson(create).getPerson();

        assertEquals(corrected, replayed);
        assertNotEquals(created.getEtag(), replayed.getEtag());
        assertEquals(1, database.count("person"));
    }

    @Test
    void anotherCallerReplayingTheIdIsRefusedAsBefore() {
        CreatePersonRequest create = CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build();
        personsAs(Role.RECORDER).createPerson(create);
        fails(Status.Code.ALREADY_EXISTS, () -> persons.createPerson(create));
        assertEquals(1, database.count("person"));
    }

    @Test
    void theRequestLogKeepsTheRecordsNamesAndNoneOfTheirText() {
        Person created = createPerson(ibadoglu());

        List<byte[]> answers = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT response FROM request_log", byte[].class).getResultList());
        assertEquals(1, answers.size());
        String stored = new String(answers.get(0), StandardCharsets.UTF_8);
        assertTrue(stored.contains(created.getName()), stored);
        for (String text : List.of("Gubad Ibadoglu", "Qubad", "economist", "JAMnews", "Blinken")) {
            assertFalse(stored.contains(text), text + " in the request log");
        }
    }

    @Test
    void aRetryAfterTheRetentionRunsTheWriteAgain() {
        CreatePersonRequest create = CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build();
        Person first = persons.createPerson(create).getPerson();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE request_log SET created_at = now() - interval '31 days'").executeUpdate());

        Person again = persons.createPerson(create).getPerson();

        assertNotEquals(first.getName(), again.getName());
        assertEquals(2, database.count("person"));
        assertEquals(1, database.count("request_log"));
        assertEquals(again, persons.createPerson(create).getPerson(), "remembered again from now on");
    }

    private void reclassifyPerson(Person person, AccessLevel level) {
        persons.updatePerson(UpdatePersonRequest.newBuilder().setPerson(person.toBuilder().setAccessLevel(level))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build());
    }
}
