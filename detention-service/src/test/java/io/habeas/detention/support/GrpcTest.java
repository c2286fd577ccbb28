package io.habeas.detention.support;

import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCourtEventRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CreateIncidentRequest;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.Database;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * gRPC tests call the running service through real stubs, each from an empty database. The stubs
 * send an admin's token, who may call every method; {@link #as} gives them another role's.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public abstract class GrpcTest {
    @GrpcClient("persons")
    PersonServiceGrpc.PersonServiceBlockingStub personsChannel;
    @GrpcClient("detentions")
    DetentionServiceGrpc.DetentionServiceBlockingStub detentionsChannel;
    @GrpcClient("incidents")
    IncidentServiceGrpc.IncidentServiceBlockingStub incidentsChannel;
    protected PersonServiceGrpc.PersonServiceBlockingStub persons;
    protected DetentionServiceGrpc.DetentionServiceBlockingStub detentions;
    protected IncidentServiceGrpc.IncidentServiceBlockingStub incidents;
    @Inject
    protected Database database;

    @BeforeEach
    void startFromEmptyDatabase() {
        database.clear();
        persons = Bearer.as(personsChannel, Role.ADMIN);
        detentions = Bearer.as(detentionsChannel, Role.ADMIN);
        incidents = Bearer.as(incidentsChannel, Role.ADMIN);
    }

    /** The persons stub with a token of this role. */
    protected PersonServiceGrpc.PersonServiceBlockingStub personsAs(Role role) {
        return Bearer.as(personsChannel, role);
    }

    /** The detentions stub with a token of this role. */
    protected DetentionServiceGrpc.DetentionServiceBlockingStub detentionsAs(Role role) {
        return Bearer.as(detentionsChannel, role);
    }

    /** The incidents stub with a token of this role. */
    protected IncidentServiceGrpc.IncidentServiceBlockingStub incidentsAs(Role role) {
        return Bearer.as(incidentsChannel, role);
    }

    /** Revisions and restores of any record, as an admin. */
    protected RevisionCalls history() {
        return new RevisionCalls(persons, detentions);
    }

    /** Revisions and restores of any record, with a token of this role. */
    protected RevisionCalls historyAs(Role role) {
        return new RevisionCalls(personsAs(role), detentionsAs(role));
    }

    /** The persons stub without a token. */
    protected PersonServiceGrpc.PersonServiceBlockingStub personsWithoutToken() {
        return personsChannel;
    }

    /** The detentions stub without a token. */
    protected DetentionServiceGrpc.DetentionServiceBlockingStub detentionsWithoutToken() {
        return detentionsChannel;
    }

    protected Person createPerson(Person.Builder person) {
        return persons.createPerson(CreatePersonRequest.newBuilder().setPerson(person)
                .setRequestId(Fixtures.requestId()).build()).getPerson();
    }

    protected Detention createDetention(Detention.Builder detention) {
        return detentions.createDetention(CreateDetentionRequest.newBuilder().setDetention(detention)
                .setRequestId(Fixtures.requestId()).build()).getDetention();
    }

    protected CustodyEvent addEvent(Detention detention, CustodyEvent.Builder event) {
        return detentions.createCustodyEvent(CreateCustodyEventRequest.newBuilder().setParent(detention.getName())
                .setCustodyEvent(event).setRequestId(Fixtures.requestId()).build()).getCustodyEvent();
    }

    protected Incident addIncident(Person person, Incident.Builder incident) {
        return addIncident(person.getName(), incident);
    }

    protected Incident addIncident(String person, Incident.Builder incident) {
        return incidents.createIncident(CreateIncidentRequest.newBuilder().setParent(person)
                .setIncident(incident).setRequestId(Fixtures.requestId()).build()).getIncident();
    }

    protected CourtEvent addCourtEvent(Detention detention, CourtEvent.Builder event) {
        return detentions.createCourtEvent(CreateCourtEventRequest.newBuilder().setParent(detention.getName())
                .setCourtEvent(event).setRequestId(Fixtures.requestId()).build()).getCourtEvent();
    }

    protected Charge addCharge(Detention detention, Charge.Builder charge) {
        return detentions.createCharge(CreateChargeRequest.newBuilder().setParent(detention.getName())
                .setCharge(charge).setRequestId(Fixtures.requestId()).build()).getCharge();
    }
}
