package io.habeas.gateway.service;

import io.habeas.common.v1.DateRange;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListDetentionsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.CountrySummary;
import io.habeas.gateway.api.DateView;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.view.DateViews;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.v1.BatchGetReleaseCallSummariesResponse;
import io.habeas.statement.v1.CallerCount;
import io.habeas.statement.v1.ReleaseCallSummary;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A detaining country's summary. Counts and articles come from GetCountryStatistics, release
 * calls from one BatchGetReleaseCallSummaries for the persons the country detains (at most
 * habeas.gateway.country-summary.max-persons of them; past it the summary says truncated).
 */
@ApplicationScoped
public class CountrySummaryService {

    @Inject
    DetentionClient detention;

    @Inject
    StatementClient statement;

    @Inject
    AccessPolicy access;

    @Inject
    Detainees detainees;

    @Inject
    GatewayConfig config;

    /** The summary as of the instant: every call carries it. */
    public Uni<CountrySummary> summary(String country, DateRange range, int articleLimit, AsOf asOf) {
        Uni<GetCountryStatisticsResponse> stats = detention.countryStatistics(asOf.on(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry(country).setDateRange(range).setArticleLimit(articleLimit),
                GetCountryStatisticsRequest.Builder::setAsOf).build());
        Uni<Detainees.Found> persons = detainees.of(country, config.countrySummary().maxPersons(), asOf);
        Uni<ListDetentionsResponse> ongoing = detention.listDetentions(asOf.on(ListDetentionsRequest.newBuilder()
                .setDetainingCountry(country).setOngoingOnly(true).setPageSize(200), ListDetentionsRequest.Builder::setAsOf)
                .build());
        return Uni.combine().all().unis(stats, persons, ongoing).asTuple().chain(t -> {
            List<Person> visible = t.getItem2().persons();
            boolean truncated = t.getItem2().truncated() || !t.getItem3().getNextPageToken().isEmpty();
            Map<String, Detention> heldBy = new HashMap<>();
            for (Detention d : t.getItem3().getDetentionsList()) {
                if (access.visible(d.getAccessLevel()) && Custody.HELD.contains(d.getCurrentStatus())) {
                    heldBy.putIfAbsent(d.getPerson(), d);
                }
            }
            Uni<List<ReleaseCallSummary>> calls = visible.isEmpty() ? Uni.createFrom().item(List.of())
                    : statement.releaseCallSummaries(t.getItem2().names(), asOf)
                            .map(BatchGetReleaseCallSummariesResponse::getSummariesList);
            return Backend.STATEMENT.read(calls.map(summaries -> build(country, t.getItem1(), visible, summaries, heldBy,
                            truncated, null)))
                    .onFailure(f -> f instanceof BackendException be && be.unavailable())
                    .recoverWithItem(f -> build(country, t.getItem1(), visible, null, heldBy, truncated, (BackendException) f));
        });
    }

    private CountrySummary build(String country, GetCountryStatisticsResponse stats, List<Person> persons,
            List<ReleaseCallSummary> calls, Map<String, Detention> heldBy, boolean truncated, BackendException failure) {
        List<CountrySummary.Month> monthly = stats.getMonthlyList().stream().map(m -> {
            DateView month = DateViews.of(PartialDate.of(m.getYear(), m.getMonth(), 0));
            return new CountrySummary.Month(month.value(), month.label(), m.getNewDetentions(), m.getReleases());
        }).toList();
        List<CountrySummary.Article> articles = stats.getArticlesList().stream().map(a -> new CountrySummary.Article(
                a.getJurisdiction(), a.getLegalCode(), a.getArticle(), a.getChargeCount(), a.getPersonCount())).toList();
        List<CountrySummary.SpeakerCalls> bySpeaker = null;
        List<CountrySummary.OutstandingCall> outstanding = null;
        if (calls != null) {
            Map<String, Integer> perCountry = new TreeMap<>();
            outstanding = new ArrayList<>();
            Map<String, Person> byName = new HashMap<>();
            persons.forEach(p -> byName.put(p.getName(), p));
            for (ReleaseCallSummary c : calls) {
                for (CallerCount caller : c.getCallersList()) {
                    perCountry.merge(caller.getCountry(), caller.getCallCount(), Integer::sum);
                }
                Detention held = heldBy.get(c.getPerson());
                Person person = byName.get(c.getPerson());
                if (held != null && person != null && c.getCallCount() > 0) {
                    outstanding.add(new CountrySummary.OutstandingCall(
                            PersonName.parse(c.getPerson(), "ReleaseCallSummary.person").id().toString(),
                            person.getDisplayName(), Custody.status(held), c.getCallCount(),
                            DateViews.of(c.getLatestCallDate())));
                }
            }
            bySpeaker = perCountry.entrySet().stream().map(e -> new CountrySummary.SpeakerCalls(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(CountrySummary.SpeakerCalls::calls).reversed()
                            .thenComparing(CountrySummary.SpeakerCalls::country))
                    .toList();
            outstanding.sort(Comparator.comparingInt(CountrySummary.OutstandingCall::callCount).reversed()
                    .thenComparing(CountrySummary.OutstandingCall::id));
        }
        List<MissingSource> missing = failure == null ? List.of()
                : List.of(failure.missingSource());
        return new CountrySummary(country, stats.getHeldNow(), monthly, articles, bySpeaker, outstanding, truncated,
                !missing.isEmpty(), missing);
    }
}
