package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.FeedItemKind;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.paging.TimelineKeyset;
import io.habeas.support.records.RetractableRecord;
import io.habeas.support.records.SourcedRecord;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.RequestValidator;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Date-ordered feeds of everything recorded about a person or a detaining country. One
 * statement reads a page of entries, then one statement per kind of record loads them, so a
 * page costs the same number of statements whatever its size.
 */
@ApplicationScoped
public class FeedService {
    @Inject
    PersonService persons;
    @Inject
    RequestValidator validator;
    @Inject
    DetentionOutcomes outcomes;
    @Inject
    Caller caller;

    /** A feed entry with the record it shows, and for a detention where it stands for the caller. */
    public record Item(FeedEntry entry, RetractableRecord record, DetentionOutcome outcome) {
    }

    public Page<Item> forPerson(String person, DateBounds range, PageRequest page) {
        UUID personId = persons.get(person, "person").id;
        return read("personId = :owner", personId, "person", range, page);
    }

    public Page<Item> forCountry(String country, DateBounds range, PageRequest page) {
        Countries.checkFilter(country, "detaining_country");
        if (country == null || country.isEmpty()) {
            throw io.habeas.kernel.errors.InvalidArgumentException.of("detaining_country", "is required");
        }
        return read("detainingCountry = :owner", country, "country", range, page);
    }

    private Page<Item> read(String owner, Object ownerValue, String feed, DateBounds range, PageRequest page) {
        validator.check(range, "date_range");
        StringBuilder where = new StringBuilder(owner + " and accessLevel in :levels");
        Parameters params = Parameters.with("owner", ownerValue).and("levels", caller.clearance().readableLevels());
        if (range.start() != null) {
            where.append(" and sortDate >= :from");
            params.and("from", range.from());
        }
        if (range.end() != null) {
            where.append(" and periodStart <= :to");
            params.and("to", range.to());
        }
        QueryFingerprint query = QueryFingerprint.of(feed, ownerValue, range.start(), range.end());
        return TimelineKeyset.page(page, query, "sortDate", where.toString(), params, (q, p) -> FeedEntry.<FeedEntry>find(q, p),
                entry -> new Keys.Timeline(entry.sortDate, entry.precisionRank, entry.id)).map(this::withRecords);
    }

    private List<Item> withRecords(List<FeedEntry> entries) {
        Set<UUID> started = ids(entries, Set.of(FeedItemKind.DETENTION_STARTED));
        Map<UUID, RetractableRecord> records = new HashMap<>(load(Detention.class, started));
        records.putAll(load(CustodyEvent.class, ids(entries, Set.of(FeedItemKind.CUSTODY_EVENT))));
        records.putAll(load(Charge.class, ids(entries, Set.of(FeedItemKind.CHARGE_FILED, FeedItemKind.CHARGE_STATUS_CHANGED))));
        Map<UUID, DetentionOutcome> outcomes = this.outcomes.of(started, caller.clearance().level().orElseThrow());
        return entries.stream()
                .map(entry -> new Item(entry, records.get(entry.recordId), outcomes.get(entry.recordId)))
                .toList();
    }

    private static Set<UUID> ids(List<FeedEntry> entries, Set<FeedItemKind> kinds) {
        return entries.stream().filter(e -> kinds.contains(e.kind)).map(e -> e.recordId).collect(Collectors.toSet());
    }

    private static <R extends SourcedRecord> Map<UUID, R> load(Class<R> type, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<R> loaded = Panache.getEntityManager()
                .createQuery("from " + type.getSimpleName() + " where id in :ids", type)
                .setParameter("ids", ids).getResultList();
        return loaded.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
    }
}
