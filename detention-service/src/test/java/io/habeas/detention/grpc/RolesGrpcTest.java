package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What each role may do with real requests: who writes, who changes access levels, who retracts. */
@QuarkusTest
class RolesGrpcTest extends GrpcTest {

    @Test
    void aViewerReadsButCannotWriteAndNothingIsStored() {
        Person person = createPerson(ibadoglu());
        long requests = database.count("request_log");

        fails(Status.Code.PERMISSION_DENIED, () -> personsAs(Role.VIEWER).createPerson(CreatePersonRequest.newBuilder()
                .setPerson(ibadoglu()).setRequestId(requestId()).build()));
        fails(Status.Code.PERMISSION_DENIED, () -> personsAs(Role.ANALYST).createPerson(CreatePersonRequest.newBuilder()
                .setPerson(ibadoglu()).setRequestId(requestId()).build()));

        assertEquals(1, database.count("person"));
        assertEquals(requests, database.count("request_log"));
        assertEquals(person, personsAs(Role.VIEWER).getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build())
                .getPerson());
    }

    @Test
    void aRecorderWritesAndCorrectsButCannotChangeAnAccessLevel() {
        Person person = personsAs(Role.RECORDER).createPerson(CreatePersonRequest.newBuilder()
                .setPerson(ibadoglu()).setRequestId(requestId()).build()).getPerson();
        Person described = personsAs(Role.RECORDER).updatePerson(update(person, "description").build()).getPerson();

        var denied = fails(Status.Code.PERMISSION_DENIED,
                () -> personsAs(Role.RECORDER).updatePerson(update(described, "description", "access_level").build()));
        assertEquals("ADMIN_ROLE_REQUIRED", detail(denied, ErrorInfo.class).getReason());

        Person read = persons.getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build()).getPerson();
        assertEquals(described.getEtag(), read.getEtag());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, read.getAccessLevel());
    }

    @Test
    void aRecorderCannotRetractAndAnAdminCan() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        RetractDetentionRequest retract = RetractDetentionRequest.newBuilder().setName(detention.getName())
                .setEtag(detention.getEtag()).setReason("Recorded for the wrong person").setRequestId(requestId()).build();

        fails(Status.Code.PERMISSION_DENIED, () -> detentionsAs(Role.RECORDER).retractDetention(retract));
        assertEquals(RecordState.RECORD_STATE_ACTIVE, detentions.getDetention(
                io.habeas.detention.v1.GetDetentionRequest.newBuilder().setName(detention.getName()).build())
                .getDetention().getState());

        assertEquals(RecordState.RECORD_STATE_RETRACTED,
                detentionsAs(Role.ADMIN).retractDetention(retract).getDetention().getState());
    }

    @Test
    void anAdminChangesAnAccessLevel() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));

        fails(Status.Code.PERMISSION_DENIED, () -> detentionsAs(Role.RECORDER).updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(detention.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build()));

        Detention hidden = detentionsAs(Role.ADMIN).updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(detention.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build())
                .getDetention();
        assertEquals(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, hidden.getAccessLevel());

        Person confidential = personsAs(Role.ADMIN).updatePerson(update(person, "access_level")
                .setPerson(Person.newBuilder().setName(person.getName()).setEtag(person.getEtag())
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).build()).getPerson();
        assertEquals(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, confidential.getAccessLevel());
    }

    private static UpdatePersonRequest.Builder update(Person current, String... paths) {
        return UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(current.getName()).setEtag(current.getEtag())
                        .setDescription("Economist; chair of the Azerbaijan Democracy and Welfare Party")
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(java.util.List.of(paths)))
                .setRequestId(requestId());
    }
}
