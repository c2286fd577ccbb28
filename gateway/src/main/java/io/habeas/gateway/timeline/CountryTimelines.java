package io.habeas.gateway.timeline;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.TimelinePage;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.service.Detainees;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A country's timeline by role. detaining: its detention feed and the claims about the persons it
 * detains; speaking: statements by its actors; subject: claims about it or addressed to it.
 */
@ApplicationScoped
public class CountryTimelines {

    @Inject
    Detainees detainees;

    @Inject
    TimelineSources sources;

    @Inject
    TimelinePages pages;

    @Inject
    GatewayConfig config;

    /** The persons whose claims the detaining role follows, whether there were more, or why there are none. */
    record Context(List<PersonName> persons, boolean truncated, BackendException failure) {
    }

    public Uni<TimelinePage> timeline(String country, TimelineQuery query, String cursor, int limit) {
        TimelinePages.Walk walk = pages.walk("country-timeline", country, query, cursor);
        boolean detaining = query.wantsRole("detaining");
        boolean subjectClaims = query.wantsRole("subject") && query.wants(EventMapper.CLAIM);
        return context(country, detaining && query.wants(EventMapper.CLAIM), query.asOf()).chain(ctx -> {
            List<TimelineSource> merged = new ArrayList<>();
            Set<PersonName> detainees = Set.copyOf(ctx.persons());
            if (detaining && query.wantsAny(EventMapper.DETENTION_KINDS)) {
                merged.add(sources.countryFeed(country, query));
            }
            if (query.wantsRole("speaking") && query.wants(EventMapper.STATEMENT)) {
                merged.add(sources.countryStatements(country, query, detainees));
            }
            if (subjectClaims) {
                merged.add(sources.countryClaims(country, query, detainees));
            }
            if (!ctx.persons().isEmpty()) {
                merged.add(sources.detaineeClaims(ctx.persons(), query, item -> shownElsewhere(item, country, subjectClaims)));
            }
            return pages.page(walk, merged, limit, ctx.failure()).map(page -> ctx.truncated()
                    ? page.withMissing(new MissingSource(Backend.STATEMENT.serviceName(), "too_many_detainees"))
                    : page);
        });
    }

    Uni<Context> context(String country, boolean followDetainees, AsOf asOf) {
        if (!followDetainees) {
            return Uni.createFrom().item(new Context(List.of(), false, null));
        }
        return detainees.of(country, config.countryTimeline().maxDetainedPersons(), asOf)
                .map(found -> new Context(found.names(), found.truncated(), null))
                .onFailure(f -> f instanceof BackendException be && be.unavailable())
                .recoverWithItem(f -> new Context(List.of(), false, (BackendException) f));
    }

    /**
     * A claim about a detainee that the country timeline already shows through another source: the
     * claims about or addressed to the country. Deciding it from the item alone keeps every event
     * shown exactly once without remembering what was shown.
     */
    static boolean shownElsewhere(ClaimItem item, String country, boolean subjectSourceActive) {
        Claim claim = EventMapper.claimOf(item);
        if (claim == null) {
            return true;
        }
        return subjectSourceActive
                && (claim.getSubjectCountriesList().contains(country) || country.equals(claim.getAddresseeCountry()));
    }
}
