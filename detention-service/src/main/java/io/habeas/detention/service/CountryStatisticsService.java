package io.habeas.detention.service;

import io.habeas.detention.repository.CountryStatisticsRepository.ArticleCount;
import io.habeas.detention.repository.CountryStatisticsRepository.MonthCount;
import io.habeas.detention.repository.CountryStatisticsRepository;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.access.Caller;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-country counts for summaries, of what the caller may see: who is held now, what changed each
 * month, which articles are used.
 */
@ApplicationScoped
public class CountryStatisticsService {
    static final int DEFAULT_ARTICLES = 10;
    static final int MAX_ARTICLES = 100;

    @Inject
    CountryStatisticsRepository statistics;
    @Inject
    RequestValidator validator;
    @Inject
    Caller caller;
    @Inject
    Snapshots snapshots;

    /** A calendar month, or month 0 for dates known only to their year (sorted first in that year). */
    public record Month(int year, int month, int newDetentions, int releases) {
        PartialDate period() {
            return PartialDate.of(year, month, 0);
        }
    }

    public record Statistics(int heldNow, List<Month> monthly, List<ArticleCount> articles) {
    }

    public Statistics of(String country, DateBounds range, int articleLimit, AsOf asOf) {
        if (country == null || country.isEmpty()) {
            throw InvalidArgumentException.of("detaining_country", "is required");
        }
        Countries.checkFilter(country, "detaining_country");
        if (articleLimit < 0) {
            throw InvalidArgumentException.of("article_limit", "must not be negative");
        }
        validator.check(range, "date_range");
        int limit = articleLimit == 0 ? DEFAULT_ARTICLES : Math.min(articleLimit, MAX_ARTICLES);
        Map<List<Integer>, int[]> counts = new TreeMap<>(
                Comparator.<List<Integer>, Integer>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        var reader = new CountryStatisticsRepository.Reader(caller.clearance().readableLevels(),
                caller.clearance().level().orElseThrow(), snapshots.at(asOf));
        for (MonthCount started : statistics.startsPerMonth(country, reader)) {
            counts.computeIfAbsent(List.of(started.year(), started.month()), k -> new int[2])[0] += started.count();
        }
        for (MonthCount released : statistics.releasesPerMonth(country, reader)) {
            counts.computeIfAbsent(List.of(released.year(), released.month()), k -> new int[2])[1] += released.count();
        }
        List<Month> monthly = counts.entrySet().stream()
                .map(e -> new Month(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
                .filter(month -> range.overlaps(month.period()))
                .toList();
        return new Statistics(statistics.heldNow(country, reader), monthly,
                statistics.mostChargedArticles(country, reader, limit));
    }

}
