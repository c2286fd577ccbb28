package io.habeas.gateway.timeline;

import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.TimelinePage;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.PersonName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A person's timeline: their detention feed and the claims about them. */
@ApplicationScoped
public class PersonTimelines {

    /** Why a backend's part is missing when the person it is about could not be checked. */
    public static final String UNVERIFIED = "person_unverified";

    @Inject
    DetentionClient detention;

    @Inject
    AccessPolicy access;

    @Inject
    TimelineSources sources;

    @Inject
    TimelinePages pages;

    /** The person (null when detention-service could not answer) and the names of their detentions not to show. */
    record Context(Person person, Set<String> hiddenDetentions, BackendException failure) {
    }

    public Uni<TimelinePage> timeline(PersonName person, TimelineQuery query, String cursor, int limit) {
        TimelinePages.Walk walk = pages.walk("person-timeline", person.toString(), query, cursor);
        return context(person, query.asOf()).chain(ctx -> {
            if (ctx.failure() != null) {
                return Uni.createFrom().item(unverified(ctx.failure()));
            }
            List<TimelineSource> merged = new ArrayList<>();
            if (query.wantsAny(EventMapper.DETENTION_KINDS)) {
                String displayName = ctx.person() == null ? null : ctx.person().getDisplayName();
                merged.add(sources.personFeed(person, query, displayName, ctx.hiddenDetentions()));
            }
            if (query.wants(EventMapper.CLAIM)) {
                merged.add(sources.personClaims(person, query));
            }
            return pages.page(walk, merged, limit, ctx.failure());
        });
    }

    /**
     * Fails closed: without detention-service nobody can say whether the person may be shown to this
     * caller, so nothing of theirs is, not even the claims statement-service could give; the page
     * says so, and statement-service is not asked.
     */
    static TimelinePage unverified(BackendException failure) {
        return new TimelinePage(List.of(), null, true, List.of(failure.missingSource(),
                new MissingSource(Backend.STATEMENT.serviceName(), UNVERIFIED)));
    }

    /** A 404 when the person is unknown or may not be shown (hidden or retracted as of the instant), the same answer for all. */
    Uni<Context> context(PersonName person, AsOf asOf) {
        return DetentionClient.aboutPerson(person, Uni.combine().all()
                .unis(detention.getPerson(person, asOf),
                        detention.listDetentions(asOf.on(ListDetentionsRequest.newBuilder().setPerson(person.toString())
                                .setPageSize(200), ListDetentionsRequest.Builder::setAsOf).build()))
                .asTuple())
                .map(t -> {
                    if (!access.shown(t.getItem1())) {
                        throw new NotFoundException(person.toString());
                    }
                    Set<String> hidden = t.getItem2().getDetentionsList().stream()
                            .filter(d -> !access.visible(d.getAccessLevel())).map(Detention::getName)
                            .collect(Collectors.toSet());
                    return new Context(t.getItem1(), hidden, null);
                })
                .onFailure(f -> f instanceof BackendException be && be.unavailable())
                .recoverWithItem(f -> new Context(null, Set.of(), (BackendException) f));
    }
}
