package io.habeas.statement.service;

import io.habeas.statement.domain.Actor;
import io.habeas.statement.repository.ReleaseCallRepository;
import io.habeas.statement.repository.ReleaseCallRepository.CallScope;
import io.habeas.statement.repository.ReleaseCallRepository.ReleaseCall;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The calls for persons' release that the caller may see, as every read of this service shows
 * them (R1, R3): about persons it may see and that are not retracted, in statements it may see
 * whole (their levels, their actors' and what they answer, and every person behind them), with
 * their actors. What release-call summaries and release outcomes are counted from.
 */
@ApplicationScoped
public class CallsForRelease {
    @Inject
    ReleaseCallRepository calls;
    @Inject
    StatementRepository statements;
    @Inject
    Visibility visibility;

    /** The calls, in timeline order, and the actors who made them. */
    public record Seen(List<ReleaseCall> calls, Map<UUID, Actor> actors) {
    }

    /**
     * The calls in the scope about any of the persons, as of the snapshot: four statements and at
     * most two batches to detention-service for any number of persons while the calls are in at most
     * {@link io.habeas.support.history.InLists#MAX_IDS} statements (each further such part adds its checks).
     */
    public Seen about(Collection<UUID> persons, CallScope scope, Snapshot at) {
        AsOf asOf = at.asOf();
        Set<UUID> visible = visibility.personsShown(persons, asOf);
        List<ReleaseCall> cleared = calls.releaseCalls(persons.stream().filter(visible::contains).distinct().toList(), scope,
                visibility.levelNames(), at);
        Set<UUID> shown = visibility.statementsShown(cleared.stream().map(ReleaseCall::statementId)
                .collect(Collectors.toSet()), at);
        List<ReleaseCall> seen = cleared.stream().filter(call -> shown.contains(call.statementId())).toList();
        return new Seen(seen, statements.actors(seen.stream().map(ReleaseCall::actorId).collect(Collectors.toSet()), at));
    }
}
