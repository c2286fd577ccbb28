package io.habeas.detention.grpc;

import io.habeas.detention.mapping.PersonMapper;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.service.PersonService;
import io.habeas.detention.service.Restoration;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CreatePersonResponse;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.GetPersonResponse;
import io.habeas.detention.v1.ListPersonRevisionsRequest;
import io.habeas.detention.v1.ListPersonRevisionsResponse;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.ListPersonsResponse;
import io.habeas.detention.v1.MutinyPersonServiceGrpc;
import io.habeas.detention.v1.RestorePersonRequest;
import io.habeas.detention.v1.RestorePersonResponse;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.RetractPersonResponse;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.detention.v1.SearchPersonsResponse;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.detention.v1.UpdatePersonResponse;
import io.grpc.ServerServiceDefinition;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.habeas.support.validation.Retraction;
import io.habeas.support.history.AsOf;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class PersonGrpcService extends MutinyPersonServiceGrpc.PersonServiceImplBase {
    @Inject
    PersonService persons;
    @Inject
    IdempotentCalls calls;
    @Inject
    Caller caller;

    /** Requests parsed inside the call ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<CreatePersonResponse> createPerson(CreatePersonRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreatePersonResponse.parser(),
                () -> CreatePersonResponse.newBuilder()
                        .setPerson(toProto(persons.create(PersonMapper.toDraft(request.getPerson()))))
                        .build()));
    }

    @Override
    public Uni<GetPersonResponse> getPerson(GetPersonRequest request) {
        return Rpc.call(() -> GetPersonResponse.newBuilder()
                .setPerson(toProto(persons.get(request.getName(), "name", AsOf.of(request.hasAsOf(), request.getAsOf()))))
                .build());
    }

    @Override
    public Uni<ListPersonsResponse> listPersons(ListPersonsRequest request) {
        return Rpc.call(() -> {
            var page = persons.list(caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200),
                    request.getCitizenship(), request.getDetainingCountry(), request.getPersonsList(),
                    request.getShowRetracted(),
                    request.hasExternalId() ? ExternalId.fromProto(request.getExternalId()) : null,
                    AsOf.of(request.hasAsOf(), request.getAsOf()));
            return ListPersonsResponse.newBuilder()
                    .addAllPersons(page.items().stream().map(this::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdatePersonResponse> updatePerson(UpdatePersonRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdatePersonResponse.parser(), () -> {
            var incoming = request.getPerson();
            var current = toProto(persons.get(incoming.getName(), "person.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), PersonMapper.UPDATABLE);
            var updated = persons.update(incoming.getName(), incoming.getEtag(), PersonMapper.toDraft(merged));
            return UpdatePersonResponse.newBuilder().setPerson(toProto(updated)).build();
        }));
    }

    @Override
    public Uni<SearchPersonsResponse> searchPersons(SearchPersonsRequest request) {
        return Rpc.call(() -> {
            var page = persons.search(request.getQuery(), caller.pageRequest(request.getPageSize(), request.getPageToken(), 20, 100));
            return SearchPersonsResponse.newBuilder()
                    .addAllMatches(page.items().stream().map(match -> PersonMapper.toProto(match, caller.clearance())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractPersonResponse> retractPerson(RetractPersonRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractPersonResponse.parser(),
                () -> RetractPersonResponse.newBuilder().setPerson(toProto(persons.retract(request.getName(),
                        new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListPersonRevisionsResponse> listPersonRevisions(ListPersonRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = persons.revisions(request.getName(),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200));
            return ListPersonRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream()
                            .map(revision -> RevisionSnapshots.personRevision(revision, caller.clearance())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestorePersonResponse> restorePerson(RestorePersonRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestorePersonResponse.parser(),
                () -> RestorePersonResponse.newBuilder().setPerson(toProto(persons.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    private io.habeas.detention.v1.Person toProto(io.habeas.detention.domain.Person person) {
        return PersonMapper.toProto(person, caller.clearance());
    }
}
