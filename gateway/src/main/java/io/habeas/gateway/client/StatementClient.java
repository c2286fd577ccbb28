package io.habeas.gateway.client;

import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.v1.*;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** statement-service, each call with its deadline, behind the backend's guard. */
@ApplicationScoped
public class StatementClient {

    @GrpcClient("statement")
    MutinyStatementServiceGrpc.MutinyStatementServiceStub statements;

    @GrpcClient("statement")
    MutinyActorServiceGrpc.MutinyActorServiceStub actors;

    @GrpcClient("statement")
    MutinyReleaseOutcomeServiceGrpc.MutinyReleaseOutcomeServiceStub outcomes;

    @Inject
    GuardedCalls guarded;

    private MutinyStatementServiceGrpc.MutinyStatementServiceStub stub() {
        return statements.withDeadlineAfter(guarded.deadlineMillis(Backend.STATEMENT), TimeUnit.MILLISECONDS);
    }

    private MutinyActorServiceGrpc.MutinyActorServiceStub actors() {
        return actors.withDeadlineAfter(guarded.deadlineMillis(Backend.STATEMENT), TimeUnit.MILLISECONDS);
    }

    private MutinyReleaseOutcomeServiceGrpc.MutinyReleaseOutcomeServiceStub outcomes() {
        return outcomes.withDeadlineAfter(guarded.deadlineMillis(Backend.STATEMENT), TimeUnit.MILLISECONDS);
    }

    public Uni<Statement> getStatement(StatementName name) {
        return guarded.call(Backend.STATEMENT, () -> stub().getStatement(
                GetStatementRequest.newBuilder().setName(name.toString()).build())).map(GetStatementResponse::getStatement);
    }

    public Uni<Actor> getActor(ActorName name) {
        return guarded.call(Backend.STATEMENT, () -> actors().getActor(
                GetActorRequest.newBuilder().setName(name.toString()).build())).map(GetActorResponse::getActor);
    }

    public Uni<ListStatementRevisionsResponse> statementRevisions(ListStatementRevisionsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> stub().listStatementRevisions(request));
    }

    public Uni<ListActorRevisionsResponse> actorRevisions(ListActorRevisionsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> actors().listActorRevisions(request));
    }

    public Uni<ListPersonClaimsResponse> personClaims(ListPersonClaimsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> stub().listPersonClaims(request));
    }

    public Uni<ListClaimsAboutPersonsResponse> claimsAboutPersons(ListClaimsAboutPersonsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> stub().listClaimsAboutPersons(request));
    }

    public Uni<ListCountryClaimsResponse> countryClaims(ListCountryClaimsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> stub().listCountryClaims(request));
    }

    public Uni<ListCountryStatementsResponse> countryStatements(ListCountryStatementsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> stub().listCountryStatements(request));
    }

    public Uni<BatchGetReleaseCallSummariesResponse> releaseCallSummaries(List<PersonName> persons, AsOf asOf) {
        return guarded.call(Backend.STATEMENT, () -> stub().batchGetReleaseCallSummaries(
                asOf.on(BatchGetReleaseCallSummariesRequest.newBuilder().addAllPersons(names(persons)),
                        BatchGetReleaseCallSummariesRequest.Builder::setAsOf).build()));
    }

    public Uni<GetReleaseCallSummaryResponse> releaseCallSummary(PersonName person, AsOf asOf) {
        return guarded.call(Backend.STATEMENT, () -> stub().getReleaseCallSummary(
                asOf.on(GetReleaseCallSummaryRequest.newBuilder().setPerson(person.toString()),
                        GetReleaseCallSummaryRequest.Builder::setAsOf).build()));
    }

    public Uni<GetPersonReleaseOutcomeResponse> personReleaseOutcome(PersonName person, AsOf asOf) {
        return guarded.call(Backend.STATEMENT, () -> outcomes().getPersonReleaseOutcome(
                asOf.on(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(person.toString()),
                        GetPersonReleaseOutcomeRequest.Builder::setAsOf).build()));
    }

    public Uni<ListReleaseOutcomesResponse> releaseOutcomes(ListReleaseOutcomesRequest request) {
        return guarded.call(Backend.STATEMENT, () -> outcomes().listReleaseOutcomes(request));
    }

    public Uni<GetReleaseOutcomeStatisticsResponse> releaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest request) {
        return guarded.call(Backend.STATEMENT, () -> outcomes().getReleaseOutcomeStatistics(request));
    }

    /** Person names as requests carry them. */
    public static List<String> names(List<PersonName> persons) {
        return persons.stream().map(PersonName::toString).toList();
    }
}
