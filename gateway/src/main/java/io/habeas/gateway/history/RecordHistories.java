package io.habeas.gateway.history;

import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ListChargeRevisionsRequest;
import io.habeas.detention.v1.ListCustodyEventRevisionsRequest;
import io.habeas.detention.v1.ListDetentionRevisionsRequest;
import io.habeas.detention.v1.ListPersonRevisionsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.HistoryPage;
import io.habeas.gateway.api.RevisionView;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.service.ShownPersons;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ListActorRevisionsRequest;
import io.habeas.statement.v1.ListStatementRevisionsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A record's history: its backend's List<X>Revisions, with the caller's token like every call. The
 * record is read too (Get<X>, in parallel): a record the caller may not see now, by the backend's
 * answer (NOT_FOUND) or by the gateway's own check of its level, is the gateway's 404 for its name,
 * exactly as an unknown one. A retracted record keeps its history. Each revision is checked again
 * ({@link HistoryMapper}); a statement's claims name only the persons {@link ShownPersons} lets through.
 */
@ApplicationScoped
public class RecordHistories {

    @Inject
    DetentionClient detention;

    @Inject
    StatementClient statement;

    @Inject
    HistoryPages pages;

    @Inject
    HistoryMapper mapper;

    @Inject
    AccessPolicy access;

    @Inject
    ShownPersons shownPersons;

    public Uni<HistoryPage> person(PersonName name, int pageSize, String cursor) {
        HistoryPages.Walk walk = pages.walk(name.toString(), cursor);
        return history(name, Backend.DETENTION, detention.getPerson(name, AsOf.NOW).map(Person::getAccessLevel),
                pages.page(walk, pageSize, (token, size) -> detention.personRevisions(ListPersonRevisionsRequest.newBuilder()
                        .setName(name.toString()).setPageSize(size).setPageToken(token).build())
                        .map(r -> fetched(r.getRevisionsList(), x -> mapper.revision(x.getRevision(),
                                x.getPerson().getAccessLevel(), () -> mapper.person(x.getPerson())), r.getNextPageToken()))));
    }

    public Uni<HistoryPage> detention(DetentionName name, int pageSize, String cursor) {
        HistoryPages.Walk walk = pages.walk(name.toString(), cursor);
        return history(name, Backend.DETENTION, detention.getDetention(name).map(Detention::getAccessLevel),
                pages.page(walk, pageSize, (token, size) -> detention.detentionRevisions(ListDetentionRevisionsRequest
                        .newBuilder().setName(name.toString()).setPageSize(size).setPageToken(token).build())
                        .map(r -> fetched(r.getRevisionsList(), x -> mapper.revision(x.getRevision(),
                                x.getDetention().getAccessLevel(), () -> mapper.detention(x.getDetention())),
                                r.getNextPageToken()))));
    }

    public Uni<HistoryPage> custodyEvent(CustodyEventName name, int pageSize, String cursor) {
        HistoryPages.Walk walk = pages.walk(name.toString(), cursor);
        return history(name, Backend.DETENTION, detention.getCustodyEvent(name).map(CustodyEvent::getAccessLevel),
                pages.page(walk, pageSize, (token, size) -> detention.custodyEventRevisions(ListCustodyEventRevisionsRequest
                        .newBuilder().setName(name.toString()).setPageSize(size).setPageToken(token).build())
                        .map(r -> fetched(r.getRevisionsList(), x -> mapper.revision(x.getRevision(),
                                x.getCustodyEvent().getAccessLevel(), () -> mapper.custodyEvent(x.getCustodyEvent())),
                                r.getNextPageToken()))));
    }

    public Uni<HistoryPage> charge(ChargeName name, int pageSize, String cursor) {
        HistoryPages.Walk walk = pages.walk(name.toString(), cursor);
        return history(name, Backend.DETENTION, detention.getCharge(name).map(Charge::getAccessLevel),
                pages.page(walk, pageSize, (token, size) -> detention.chargeRevisions(ListChargeRevisionsRequest.newBuilder()
                        .setName(name.toString()).setPageSize(size).setPageToken(token).build())
                        .map(r -> fetched(r.getRevisionsList(), x -> mapper.revision(x.getRevision(),
                                x.getCharge().getAccessLevel(), () -> mapper.charge(x.getCharge())), r.getNextPageToken()))));
    }

    public Uni<HistoryPage> statement(StatementName name, int pageSize, String cursor) {
        HistoryPages.Walk walk = pages.walk(name.toString(), cursor);
        return history(name, Backend.STATEMENT, statement.getStatement(name).map(Statement::getAccessLevel),
                pages.page(walk, pageSize, (token, size) -> statement.statementRevisions(ListStatementRevisionsRequest
                        .newBuilder().setName(name.toString()).setPageSize(size).setPageToken(token).build())
                        .chain(r -> statementPage(r.getRevisionsList(), r.getNextPageToken()))));
    }

    public Uni<HistoryPage> actor(ActorName name, int pageSize, String cursor) {
        HistoryPages.Walk walk = pages.walk(name.toString(), cursor);
        return history(name, Backend.STATEMENT, statement.getActor(name).map(Actor::getAccessLevel),
                pages.page(walk, pageSize, (token, size) -> statement.actorRevisions(ListActorRevisionsRequest.newBuilder()
                        .setName(name.toString()).setPageSize(size).setPageToken(token).build())
                        .map(r -> fetched(r.getRevisionsList(), x -> mapper.revision(x.getRevision(),
                                x.getActor().getAccessLevel(), () -> mapper.actor(x.getActor())), r.getNextPageToken()))));
    }

    /** A page of statement revisions, once the persons their claims name are checked. */
    private Uni<HistoryPages.Fetched> statementPage(List<StatementRevision> revisions, String nextPageToken) {
        List<PersonName> named = new ArrayList<>();
        for (StatementRevision x : revisions) {
            if (access.visible(x.getRevision().getAccessLevel())) {
                x.getStatement().getClaimsList().forEach(c -> named.addAll(HistoryMapper.subjects(c)));
                x.getStatement().getRetractedClaimsList().forEach(c -> named.addAll(HistoryMapper.subjects(c)));
            }
        }
        return shownPersons.of(named, Set.of(), AsOf.NOW).map(shown -> fetched(revisions, x -> mapper.revision(
                x.getRevision(), x.getStatement().getAccessLevel(), () -> mapper.statement(x.getStatement(), shown::contains)),
                nextPageToken));
    }

    private static <T> HistoryPages.Fetched fetched(List<T> revisions, Function<T, RevisionView> view, String nextPageToken) {
        return new HistoryPages.Fetched(revisions.stream().map(view).toList(), nextPageToken);
    }

    /**
     * The page, once the record's level now is checked: hidden or unknown (either call's NOT_FOUND)
     * is the 404 of its name; an answer that breaks the contract is the backend's.
     */
    private Uni<HistoryPage> history(Object name, Backend backend, Uni<AccessLevel> levelNow, Uni<HistoryPage> page) {
        return backend.read(Backend.about(name, Uni.combine().all().unis(levelNow, page).asTuple().map(t -> {
            if (!access.visible(t.getItem1())) {
                throw new NotFoundException(name.toString());
            }
            return t.getItem2();
        })));
    }
}
