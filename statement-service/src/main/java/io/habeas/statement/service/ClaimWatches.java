package io.habeas.statement.service;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import io.grpc.stub.StreamObserver;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.UnavailableException;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.mapping.ClaimWatchMapper;
import io.habeas.statement.repository.ClaimChangeRepository;
import io.habeas.statement.repository.ClaimChangeRepository.ClaimChange;
import io.habeas.support.history.Snapshots;
import io.habeas.support.watch.AsCaller;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.Watch;
import io.habeas.support.watch.WatchHub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live claim feeds: watches of the claim change log (V9). Each batch of changes is read once per
 * clearance (the statements as the List RPCs show them, which feeds their claims are in now, and one
 * batch to detention-service), then each watch is sent what it may read of it ({@link ClaimFeedChanges}).
 */
@ApplicationScoped
public class ClaimWatches extends WatchHub<ClaimChange> {
    static final String CHANNEL = "habeas_claim_change";

    @Inject
    ClaimChangeRepository changes;
    @Inject
    StatementService statements;
    @Inject
    Visibility visibility;
    @Inject
    Snapshots snapshots;
    @ConfigProperty(name = "habeas.watch.change-retention", defaultValue = "12h")
    Duration retention;

    /** Starts a WatchPersonClaims; NOT_FOUND for a person the caller may not see, or one retracted, as for none. */
    public <R extends Message> void watchPerson(String person, String resumeToken, StreamObserver<R> responses) {
        UUID id = PersonName.parse(person, "person").id();
        if (!visibility.personShown(id)) {
            throw new NotFoundException(person);
        }
        start(new ClaimFeed(ClaimFeed.Rpc.PERSON, Set.of(id.toString())), resumeToken, responses);
    }

    /** Starts a WatchClaimsAboutPersons; persons the caller may not see are left out as each batch is sent. */
    public <R extends Message> void watchPersons(List<String> persons, String resumeToken, StreamObserver<R> responses) {
        Set<String> ids = FeedService.personIds(persons).stream().map(UUID::toString)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        start(new ClaimFeed(ClaimFeed.Rpc.PERSONS, ids), resumeToken, responses);
    }

    public <R extends Message> void watchCountryClaims(String country, String resumeToken, StreamObserver<R> responses) {
        FeedService.requireCountry(country);
        start(new ClaimFeed(ClaimFeed.Rpc.COUNTRY_CLAIMS, Set.of(country)), resumeToken, responses);
    }

    public <R extends Message> void watchCountryStatements(String country, String resumeToken, StreamObserver<R> responses) {
        FeedService.requireCountry(country);
        start(new ClaimFeed(ClaimFeed.Rpc.COUNTRY_STATEMENTS, Set.of(country)), resumeToken, responses);
    }

    private <R extends Message> void start(ClaimFeed feed, String resumeToken, StreamObserver<R> responses) {
        watch(feed, feed.rpc().name().toLowerCase(), feed.keys().stream().sorted().toList(), resumeToken, responses,
                ClaimWatchMapper.prototype(feed.rpc()));
    }

    @Override
    protected String channel() {
        return CHANNEL;
    }

    @Override
    protected ClaimChangeRepository log() {
        return changes;
    }

    @Override
    protected List<ClaimChange> forFeed(Object feed, ChangePosition after, ChangePosition through, int limit) {
        ClaimFeed watched = (ClaimFeed) feed;
        return QuarkusTransaction.requiringNew().call(
                () -> changes.forFeed(watched.rpc().feed, watched.keys(), after, through, limit));
    }

    /**
     * Callers of one clearance see the same items: a batch is read once per clearance, as the
     * caller of one of its watches (detention-service is asked with its token). When
     * detention-service cannot answer, those watches end with UNAVAILABLE: nothing is sent unchecked.
     */
    @Override
    protected void deliver(List<ClaimChange> batch, List<Watch<?>> watches) {
        Map<Clearance, List<Watch<?>>> byClearance = watches.stream().filter(w -> !w.ended())
                .collect(Collectors.groupingBy(w -> w.subject().clearance(), LinkedHashMap::new, Collectors.toList()));
        byClearance.forEach((clearance, group) -> {
            List<ClaimChange> relevant = batch.stream()
                    .filter(change -> group.stream().anyMatch(w -> feedOf(w).concerns(change))).toList();
            if (relevant.isEmpty()) {
                return;
            }
            SecurityIdentity identity = group.stream().map(w -> w.subject())
                    .max(Comparator.comparing(s -> s.expires() == null ? Instant.MAX : s.expires())).orElseThrow().identity();
            try {
                AsCaller.run(identity, () -> QuarkusTransaction.requiringNew().call(() -> {
                    new ClaimFeedChanges(relevant, changes, statements, visibility, snapshots).send(group);
                    return null;
                }));
            } catch (RuntimeException failed) {
                if (!dependencyDown(failed)) {
                    throw failed; // the database: the reader tries again at its next poll
                }
                group.forEach(watch -> watch.end(Code.UNAVAILABLE, "DEPENDENCY_UNAVAILABLE",
                        "detention-service could not say which persons may be shown; resume from resume_token"));
            }
        });
    }

    private static boolean dependencyDown(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnavailableException) {
                return true;
            }
        }
        return false;
    }

    static ClaimFeed feedOf(Watch<?> watch) {
        return (ClaimFeed) watch.subject().feed();
    }

    @Scheduled(identity = "habeas-claim-change-purge", every = "${habeas.watch.purge-every:5m}",
            delayed = "${habeas.watch.purge-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOldChanges() {
        purge(Instant.now().minus(retention));
    }

}
