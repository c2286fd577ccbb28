package io.habeas.gateway.timeline;

import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.live.LiveSource;
import io.habeas.kernel.names.PersonName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a live timeline watches: the watches of the same backend lists as the paged timeline, in its
 * source order, found the same way (the person checked and their hidden detentions; a country's
 * detainees, capped alike). Fails fast: where the paged timeline would answer partially because
 * detention-service could not say who may be shown, a live one does not start (503). Source ranks
 * are {@link TimelineOrder}'s.
 */
@ApplicationScoped
public class LiveTimelines {

    @Inject
    PersonTimelines persons;

    @Inject
    CountryTimelines countries;

    @Inject
    LiveSources sources;

    /** The watches to merge, and whether the country's detainees were more than are followed. */
    public record Plan(List<LiveSource> sources, boolean truncated) {
    }

    public Uni<Plan> person(PersonName person, TimelineQuery query) {
        return persons.context(person, AsOf.NOW).map(ctx -> {
            if (ctx.failure() != null) {
                throw ctx.failure();
            }
            List<LiveSource> merged = new ArrayList<>();
            if (query.wantsAny(EventMapper.DETENTION_KINDS)) {
                merged.add(sources.personFeed(person, query, ctx.person().getDisplayName(), ctx.hiddenDetentions(),
                        TimelineOrder.DETENTION_FEED));
            }
            if (query.wants(EventMapper.CLAIM)) {
                merged.add(sources.personClaims(person, query, TimelineOrder.PERSON_CLAIMS));
            }
            return new Plan(merged, false);
        });
    }

    public Uni<Plan> country(String country, TimelineQuery query) {
        boolean detaining = query.wantsRole("detaining");
        boolean subjectClaims = query.wantsRole("subject") && query.wants(EventMapper.CLAIM);
        return countries.context(country, detaining && query.wants(EventMapper.CLAIM), AsOf.NOW).map(ctx -> {
            if (ctx.failure() != null) {
                throw ctx.failure();
            }
            Set<PersonName> detainees = Set.copyOf(ctx.persons());
            List<LiveSource> merged = new ArrayList<>();
            if (detaining && query.wantsAny(EventMapper.DETENTION_KINDS)) {
                merged.add(sources.countryFeed(country, query, TimelineOrder.DETENTION_FEED));
            }
            if (query.wantsRole("speaking") && query.wants(EventMapper.STATEMENT)) {
                merged.add(sources.countryStatements(country, query, detainees, TimelineOrder.COUNTRY_STATEMENTS));
            }
            if (subjectClaims) {
                merged.add(sources.countryClaims(country, query, detainees, TimelineOrder.COUNTRY_CLAIMS));
            }
            if (!ctx.persons().isEmpty()) {
                merged.add(sources.detaineeClaims(ctx.persons(), query,
                        item -> CountryTimelines.shownElsewhere(item, country, subjectClaims), TimelineOrder.DETAINEE_CLAIMS));
            }
            return new Plan(merged, ctx.truncated());
        });
    }
}
